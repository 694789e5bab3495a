package io.ocrserve.ocr.e2e;

/**
 * One end-to-end result entry (MMOCR ocr.py {@code details=True}): box points, detection score, text and its
 * mean char score. Lines merged by {@link LineMerger} have no scores: NaN there (MMOCR drops the keys).
 */
public record OcrWord(double[] box, double boxScore, String text, double textScore) {
    /** As ocr.py builds it: every coordinate rounded with Python's round (half to even). */
    public static OcrWord fromBoundary(double[] points, double boxScore, String text, double textScore) {
        double[] box = new double[points.length];
        for (int i = 0; i < box.length; i++) {
            box[i] = Math.rint(points[i]);
        }
        return new OcrWord(box, boxScore, text, textScore);
    }

    /** True for a merged line (no scores). */
    public boolean isMerged() {
        return Double.isNaN(boxScore) && Double.isNaN(textScore);
    }
}
