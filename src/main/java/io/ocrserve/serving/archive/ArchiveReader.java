package io.ocrserve.serving.archive;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/** Opens an archive (zip, tar.gz or folder), unpacking it when needed, and validates everything in it. */
public final class ArchiveReader {
    static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.\\-]{0,127}");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final ArchiveUnpacker unpacker;
    private final Path workDir;

    public ArchiveReader(ArchiveUnpacker unpacker, Path workDir) {
        this.unpacker = unpacker;
        this.workDir = workDir;
    }

    public ModelArchive open(Path source) {
        try {
            ArchiveUnpacker.Format format = ArchiveUnpacker.detect(source);
            Path root = source;
            if (format != ArchiveUnpacker.Format.DIRECTORY) {
                root = workDir.resolve(source.getFileName() + "-" + UUID.randomUUID());
                try {
                    unpacker.unpack(source, format, root);
                } catch (RuntimeException | IOException e) {
                    deleteQuietly(root);
                    throw e;
                }
            }
            return validate(root.toAbsolutePath().normalize());
        } catch (IOException e) {
            throw new ArchiveException("cannot read archive '" + source.getFileName() + "': " + e.getMessage(), e);
        }
    }

    static ModelArchive validate(Path root) throws IOException {
        Path manifestFile = root.resolve(Manifest.PATH);
        if (!Files.isRegularFile(manifestFile)) {
            throw new ArchiveException("archive has no " + Manifest.PATH);
        }
        Manifest manifest;
        try {
            manifest = JSON.readValue(manifestFile.toFile(), Manifest.class);
        } catch (IOException e) {
            throw new ArchiveException(Manifest.PATH + " is not valid JSON: " + e.getMessage(), e);
        }
        Manifest.Model model = manifest.model();
        if (model == null) {
            throw new ArchiveException(Manifest.PATH + " has no 'model' section");
        }
        require(model.modelName(), "model.modelName");
        require(model.modelVersion(), "model.modelVersion");
        require(manifest.runtime(), "runtime");
        if (!NAME.matcher(model.modelName()).matches()) {
            throw new ArchiveException("model name '" + model.modelName()
                    + "' may only hold letters, digits, '_', '-' and '.'");
        }
        if (!NAME.matcher(model.modelVersion()).matches()) {
            throw new ArchiveException("model version '" + model.modelVersion()
                    + "' may only hold letters, digits, '_', '-' and '.'");
        }
        rejectPythonArchive(model);
        require(model.configFile(), "model.configFile");
        ModelConfig config = ModelConfig.from(readYaml(root, model.configFile()));
        if (model.handler() != null && !model.handler().equalsIgnoreCase(config.task())) {
            throw new ArchiveException("manifest handler '" + model.handler() + "' does not match the config's task '"
                    + config.task() + "'");
        }
        if (!config.task().equals("ocr")) {
            require(model.serializedFile(), "model.serializedFile");
            requireFile(root, model.serializedFile());
        }
        WorkerSettings settings = WorkerSettings.empty();
        if (Files.isRegularFile(root.resolve(WorkerSettings.FILE))) {
            try {
                settings = YAML.readValue(root.resolve(WorkerSettings.FILE).toFile(), WorkerSettings.class);
            } catch (IOException e) {
                throw new ArchiveException(WorkerSettings.FILE + " is invalid: " + e.getMessage(), e);
            }
        }
        return new ModelArchive(root, manifest, config, settings == null ? WorkerSettings.empty() : settings);
    }

    /** MMOCR's mmocr2torchserve.py writes a .pth checkpoint and a Python handler; we cannot run Python. */
    private static void rejectPythonArchive(Manifest.Model model) {
        String handler = model.handler() == null ? "" : model.handler().toLowerCase(Locale.ROOT);
        String file = model.serializedFile() == null ? "" : model.serializedFile().toLowerCase(Locale.ROOT);
        if (handler.endsWith(".py") || file.endsWith(".pth") || file.endsWith(".pkl")) {
            throw new ArchiveException("this archive holds a PyTorch checkpoint (" + model.serializedFile()
                    + ") and a Python handler (" + model.handler() + "), as MMOCR's mmocr2torchserve.py writes; "
                    + "ocrserve runs no Python. Export the model to ONNX (MMOCR tools/deployment/pytorch2onnx.py) "
                    + "or TorchScript, write a model config with the settings of its config.py (see configs/), "
                    + "and rebuild the archive: ocrserve archive --model-name NAME --version V --model model.onnx "
                    + "--config model.yaml --export-path model-store");
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> readYaml(Path root, String name) throws IOException {
        Path file = requireFile(root, name);
        try {
            Object value = YAML.readValue(file.toFile(), Object.class);
            if (!(value instanceof Map<?, ?>)) {
                throw new ArchiveException("model config " + name + " must be a YAML mapping");
            }
            return (Map<String, Object>) value;
        } catch (IOException e) {
            throw new ArchiveException("model config " + name + " is not valid YAML: " + e.getMessage(), e);
        }
    }

    private static Path requireFile(Path root, String name) {
        Path p = root.resolve(name).normalize();
        if (!p.startsWith(root) || !Files.isRegularFile(p)) {
            throw new ArchiveException("archive lacks the file '" + name + "' named in its manifest");
        }
        return p;
    }

    private static void require(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new ArchiveException(Manifest.PATH + " lacks the required field '" + field + "'");
        }
    }

    public static void deleteQuietly(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // best effort: a leftover temp folder is harmless
        }
    }
}
