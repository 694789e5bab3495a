package io.ocrserve.serving.archive;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;

/** Writes model archives: ocrserve's counterpart of torch-model-archiver / mmocr2torchserve.py. */
public final class ArchiveWriter {
    public static final String VERSION = "ocrserve-0.1.0";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** What goes into an archive. {@code model} may be null for an end-to-end pipeline of registered models. */
    public record Request(String name, String version, Path model, Path config, List<Path> extraFiles,
            Path workerSettings, Path exportDir, ArchiveUnpacker.Format format, boolean force) {}

    public Path write(Request r) throws IOException {
        if (!ArchiveReader.NAME.matcher(r.name()).matches()) {
            throw new ArchiveException("model name '" + r.name() + "' may only hold letters, digits, '_', '-', '.'");
        }
        if (!ArchiveReader.NAME.matcher(r.version()).matches()) {
            throw new ArchiveException("version '" + r.version() + "' may only hold letters, digits, '_', '-', '.'");
        }
        Map<String, Path> files = new LinkedHashMap<>();
        ModelConfig config = ModelConfig.from(readConfig(r.config()));
        files.put(r.config().getFileName().toString(), r.config());
        if (r.model() != null) {
            put(files, r.model());
        } else if (!config.task().equals("ocr")) {
            throw new ArchiveException("--model is required for task " + config.task());
        }
        for (Path extra : r.extraFiles()) {
            put(files, extra);
        }
        if (r.workerSettings() != null) {
            files.put(WorkerSettings.FILE, requireFile(r.workerSettings()));
        }
        String runtime = r.model() == null ? "pipeline" : runtimeOf(r.model());
        Manifest manifest = new Manifest(LocalDateTime.now().format(DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss")),
                runtime, new Manifest.Model(r.name(), r.version(),
                        r.model() == null ? null : r.model().getFileName().toString(), config.task(), null,
                        r.config().getFileName().toString(), null, null), VERSION);
        byte[] manifestBytes = JSON.writeValueAsBytes(manifest);

        Files.createDirectories(r.exportDir());
        Path target = r.exportDir().resolve(switch (r.format()) {
            case ZIP -> r.name() + ".mar";
            case TAR_GZ -> r.name() + ".tar.gz";
            case DIRECTORY -> r.name();
        });
        if (Files.exists(target)) {
            if (!r.force()) {
                throw new ArchiveException(target + " already exists: use --force to overwrite it");
            }
            ArchiveReader.deleteQuietly(target);
        }
        switch (r.format()) {
            case ZIP -> writeZip(target, manifestBytes, files);
            case TAR_GZ -> writeTarGz(target, manifestBytes, files);
            case DIRECTORY -> writeDirectory(target, manifestBytes, files);
        }
        return target;
    }

    private static void put(Map<String, Path> files, Path file) {
        String name = requireFile(file).getFileName().toString();
        if (files.containsKey(name) || name.equals(WorkerSettings.FILE)) {
            throw new ArchiveException("two files are named '" + name + "' in the archive");
        }
        files.put(name, file);
    }

    static String runtimeOf(Path model) {
        String n = model.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        if (n.endsWith(".onnx")) {
            return "onnx";
        }
        if (n.endsWith(".pt") || n.endsWith(".ts") || n.endsWith(".torchscript")) {
            return "torchscript";
        }
        if (n.endsWith(".traineddata")) {
            return "tesseract"; // Tesseract language data (model config: engine: Tesseract)
        }
        throw new ArchiveException("--model must be an ONNX (.onnx), TorchScript (.pt) or Tesseract (.traineddata) file, got "
                + model.getFileName() + (n.endsWith(".pth") ? ": export the checkpoint to ONNX or TorchScript first" : ""));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> readConfig(Path config) throws IOException {
        Object v = YAML.readValue(requireFile(config).toFile(), Object.class);
        if (!(v instanceof Map<?, ?>)) {
            throw new ArchiveException("config " + config + " must be a YAML mapping");
        }
        return (Map<String, Object>) v;
    }

    private static Path requireFile(Path p) {
        if (!Files.isRegularFile(p)) {
            throw new ArchiveException("no such file: " + p);
        }
        return p;
    }

    private static void writeZip(Path target, byte[] manifest, Map<String, Path> files) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(target))) {
            zip.putNextEntry(new ZipEntry(Manifest.PATH));
            zip.write(manifest);
            zip.closeEntry();
            for (var e : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                Files.copy(e.getValue(), zip);
                zip.closeEntry();
            }
        }
    }

    private static void writeTarGz(Path target, byte[] manifest, Map<String, Path> files) throws IOException {
        try (OutputStream out = Files.newOutputStream(target);
                TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(out))) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            TarArchiveEntry m = new TarArchiveEntry(Manifest.PATH);
            m.setSize(manifest.length);
            tar.putArchiveEntry(m);
            tar.write(manifest);
            tar.closeArchiveEntry();
            for (var e : files.entrySet()) {
                TarArchiveEntry entry = new TarArchiveEntry(e.getKey());
                entry.setSize(Files.size(e.getValue()));
                tar.putArchiveEntry(entry);
                Files.copy(e.getValue(), tar);
                tar.closeArchiveEntry();
            }
        }
    }

    private static void writeDirectory(Path target, byte[] manifest, Map<String, Path> files) throws IOException {
        Files.createDirectories(target.resolve("MAR-INF"));
        Files.write(target.resolve(Manifest.PATH), manifest);
        for (var e : files.entrySet()) {
            Files.copy(e.getValue(), target.resolve(e.getKey()));
        }
    }

    /** Extra files given as a comma-separated list (torch-model-archiver's --extra-files). */
    public static List<Path> splitFiles(String csv) {
        List<Path> out = new ArrayList<>();
        if (csv != null) {
            for (String s : csv.split(",")) {
                if (!s.isBlank()) {
                    out.add(Path.of(s.trim()));
                }
            }
        }
        return out;
    }
}
