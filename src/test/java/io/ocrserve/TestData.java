package io.ocrserve;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ocrserve.serving.archive.ArchiveUnpacker;
import io.ocrserve.serving.archive.ArchiveWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Where tests find the sample data (../shared) and the default models (bin/setup-models), and archive helpers. */
public final class TestData {
    private TestData() {}

    public static Path toy(String relative) {
        Path p = Path.of("..", "shared", "data", "mmocr-toy").resolve(relative);
        assertTrue(Files.exists(p), "sample data missing: " + p.toAbsolutePath());
        return p;
    }

    public static byte[] bytes(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The PP-OCRv4 files fetched by bin/setup-models. */
    public static Path asset(String name) {
        Path p = Path.of("downloads", "ocr-models-1.4.2", "package", "assets", name);
        assertTrue(Files.exists(p), "default model file missing: " + p + " (run bin/setup-models first)");
        return p;
    }

    /** The folder holding eng.traineddata, fetched by bin/setup-models. */
    public static Path tessdata() {
        Path p = Path.of("downloads", "tesseract-eng-1.0.0", "tessdata");
        assertTrue(Files.exists(p.resolve("eng.traineddata")), "eng.traineddata missing in " + p
                + " (run bin/setup-models first)");
        return p;
    }

    /** Builds an archive into a fresh temp folder; {@code workerConfig} is model-config.yaml text or null. */
    public static Path archive(String name, String version, Path model, String config, List<Path> extra,
            String workerConfig, ArchiveUnpacker.Format format) {
        try {
            Path dir = Files.createTempDirectory("ocrserve-test-archives");
            Path ws = null;
            if (workerConfig != null) {
                ws = dir.resolve("model-config.yaml");
                Files.writeString(ws, workerConfig);
            }
            return new ArchiveWriter().write(new ArchiveWriter.Request(name, version, model, Path.of("configs", config),
                    extra, ws, dir.resolve("out"), format, false));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public static Path detArchive(String name, String version, String workerConfig) {
        return archive(name, version, asset("ch_PP-OCRv4_det_infer.onnx"), "textdet/ppocr_det.yaml", List.of(),
                workerConfig, ArchiveUnpacker.Format.ZIP);
    }

    public static Path recArchive(String name, String version, String workerConfig) {
        return archive(name, version, asset("ch_PP-OCRv4_rec_infer.onnx"), "textrecog/ppocr_rec.yaml",
                List.of(asset("ppocr_keys_v1.txt")), workerConfig, ArchiveUnpacker.Format.ZIP);
    }

    public static String fileUrl(Path p) {
        return p.toAbsolutePath().toUri().toString();
    }
}
