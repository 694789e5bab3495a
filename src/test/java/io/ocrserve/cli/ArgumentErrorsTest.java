package io.ocrserve.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Bad command lines: exit code 2, a short message naming the problem, a pointer to --help. */
class ArgumentErrorsTest {

    private static void assertUsageError(CliRun run, String expected) {
        assertEquals(2, run.code(), run.toString());
        assertTrue(run.err().contains(expected), run.toString());
        assertTrue(run.err().strip().lines().count() <= 2, "short: " + run.err());
        assertEquals("", run.out());
    }

    @Test
    void noSubcommand() {
        assertUsageError(CliRun.of(), "a subcommand is required");
    }

    @Test
    void unknownSubcommand() {
        assertUsageError(CliRun.of("frobnicate"), "frobnicate");
    }

    @Test
    void archiveWithoutRequiredOptions() {
        assertUsageError(CliRun.of("archive", "--model-name", "x"), "Missing required options");
    }

    @Test
    void archiveWithUnknownFormat() {
        assertUsageError(CliRun.of("archive", "--model-name", "x", "--version", "1", "--config", "c.yaml",
                "--export-path", "out", "--archive-format", "zip-store"), "expected one of default, tgz, no-archive");
    }

    @Test
    void ocrWithoutFiles() {
        assertUsageError(CliRun.of("ocr"), "FILE_OR_DIR");
    }

    @Test
    void ocrWithMissingFile() {
        assertUsageError(CliRun.of("ocr", "/no/such/image.png"), "no such file or folder: /no/such/image.png");
    }

    @Test
    void modelsScaleWithoutMin() {
        assertUsageError(CliRun.of("models", "scale", "ocr"), "--min");
    }

    @Test
    void modelsWithoutSubcommand() {
        assertUsageError(CliRun.of("models"), "a subcommand is required");
    }

    @Test
    void helpIsNotAnError() {
        CliRun run = CliRun.of("archive", "--help");
        assertEquals(0, run.code(), run.toString());
        assertTrue(run.out().contains("--model-name"), run.out());

        CliRun sub = CliRun.of("models", "scale", "--help");
        assertEquals(0, sub.code(), sub.toString());
        assertTrue(sub.out().contains("--min"), sub.out());
    }
}
