package io.ocrserve.eval.datasets;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The shared MMOCR toy data, read in place (never copied into the repository). */
final class ToyData {
    static final Path ROOT = Path.of(System.getProperty("ocrserve.toyData", "/work/shared/data/mmocr-toy"));
    static final Path DET = ROOT.resolve("toy_dataset");
    static final Path REC = ROOT.resolve("ocr_toy_dataset");

    private ToyData() {
    }

    static void assumePresent() {
        assumeTrue(Files.isDirectory(DET) && Files.isDirectory(REC), "MMOCR toy data not found at " + ROOT);
    }
}
