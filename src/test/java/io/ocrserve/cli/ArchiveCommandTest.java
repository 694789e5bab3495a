package io.ocrserve.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ocrserve.serving.archive.ArchiveReader;
import io.ocrserve.serving.archive.ArchiveUnpacker;
import io.ocrserve.serving.archive.Manifest;
import io.ocrserve.serving.archive.ModelArchive;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code ocrserve archive} end to end: real files in, archives out, read back with the server's reader. */
class ArchiveCommandTest {
    @TempDir
    Path dir;
    Path model;
    Path config;
    Path dict;
    Path workers;
    Path store;

    @BeforeEach
    void files() throws IOException {
        model = Files.write(dir.resolve("det.onnx"), new byte[] {8, 1, 2, 3});
        config = Files.writeString(dir.resolve("ppocr_det.yaml"), "task: textdet\nengine: OnnxRuntime\n");
        dict = Files.writeString(dir.resolve("keys.txt"), "a\nb\n");
        workers = Files.writeString(dir.resolve("workers.yaml"), "minWorkers: 2\nbatchSize: 4\n");
        store = dir.resolve("store");
    }

    private CliRun archive(String... extra) {
        List<String> args = new ArrayList<>(List.of("archive", "--model-name", "det", "--version", "1.0",
                "--model", model.toString(), "--config", config.toString(), "--export-path", store.toString()));
        args.addAll(List.of(extra));
        return CliRun.of(args.toArray(String[]::new));
    }

    private ModelArchive read(Path archive) {
        return new ArchiveReader(new ArchiveUnpacker(100, 1 << 20), dir).open(archive);
    }

    @ParameterizedTest
    @CsvSource({"default, det.mar", "tgz, det.tar.gz", "no-archive, det"})
    void buildsEachFormatAndTheServerCanReadIt(String format, String fileName) throws IOException {
        CliRun run = archive("--archive-format", format, "--extra-files", dict.toString(),
                "--worker-config", workers.toString());

        assertEquals(0, run.code(), run.toString());
        Path written = store.resolve(fileName);
        assertEquals(written.toString(), run.out().strip());
        assertTrue(Files.exists(written));
        ModelArchive archive = read(written);
        Manifest.Model m = archive.manifest().model();
        assertEquals("det", m.modelName());
        assertEquals("1.0", m.modelVersion());
        assertEquals("det.onnx", m.serializedFile());
        assertEquals("textdet", m.handler());
        assertEquals("ppocr_det.yaml", m.configFile());
        assertEquals("onnx", archive.manifest().runtime());
        assertEquals("textdet", archive.config().task());
        assertEquals("a\nb\n", Files.readString(archive.file("keys.txt")));
        assertEquals(2, archive.workerSettings().minWorkers());
        assertEquals(4, archive.workerSettings().batchSize());
    }

    @Test
    void ocrPipelineNeedsNoModel() {
        Path ocr = write("ocr.yaml", "task: ocr\n");
        CliRun run = CliRun.of("archive", "--model-name", "ocr", "--version", "1.0", "--config", ocr.toString(),
                "--export-path", store.toString());

        assertEquals(0, run.code(), run.toString());
        ModelArchive archive = read(store.resolve("ocr.mar"));
        assertEquals("pipeline", archive.manifest().runtime());
        assertNull(archive.manifest().model().serializedFile());
    }

    @Test
    void refusesToOverwriteWithoutForce() throws IOException {
        assertEquals(0, archive().code());
        Files.write(model, new byte[] {9, 9});

        CliRun again = archive();
        assertEquals(2, again.code(), again.toString());
        assertTrue(again.err().contains("already exists") && again.err().contains("--force"), again.err());
        assertEquals("", again.out());

        CliRun forced = archive("--force");
        assertEquals(0, forced.code(), forced.toString());
        ModelArchive archive = read(store.resolve("det.mar"));
        assertEquals(2, Files.size(archive.serializedFile()), "the archive holds the new model");
    }

    @Test
    void pthCheckpointGetsTheConversionHint() {
        model = write("epoch_20.pth", "not a model");
        CliRun run = archive();

        assertEquals(2, run.code(), run.toString());
        assertTrue(run.err().contains("export the checkpoint to ONNX or TorchScript"), run.err());
        assertEquals(1, run.err().strip().lines().count(), "one line: " + run.err());
        assertFalse(Files.exists(store.resolve("det.mar")));
    }

    @Test
    void missingConfigIsExitCode2() {
        config = dir.resolve("nope.yaml");
        CliRun run = archive();

        assertEquals(2, run.code(), run.toString());
        assertTrue(run.err().startsWith("ocrserve archive: no such file: "), run.err());
        assertEquals(1, run.err().strip().lines().count(), "one line: " + run.err());
    }

    @Test
    void invalidYamlIsOneLineAndExitCode2() {
        config = write("bad.yaml", "task: [textdet\n  engine: x\n");
        CliRun run = archive();

        assertEquals(2, run.code(), run.toString());
        assertEquals(1, run.err().strip().lines().count(), "one line: " + run.err());
    }

    @Test
    void detectionWithoutModelIsRefused() {
        CliRun run = CliRun.of("archive", "--model-name", "det", "--version", "1.0", "--config", config.toString(),
                "--export-path", store.toString());

        assertEquals(2, run.code(), run.toString());
        assertTrue(run.err().contains("--model is required for task textdet"), run.err());
    }

    private Path write(String name, String text) {
        try {
            return Files.writeString(dir.resolve(name), text);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
