package io.ocrserve.eval;

/**
 * One ground-truth text instance: polygon {@code [x1, y1, ..., xn, yn]}, whether it is a don't-care region
 * (COCO {@code iscrowd = 1}, ICDAR text {@code ###}), and its transcription ({@code null} when the format has none).
 */
public record GtInstance(double[] polygon, boolean ignore, String text) {
    public GtInstance {
        Polys.checkPolygon(polygon, "ground-truth polygon");
    }

    public static GtInstance care(double[] polygon) {
        return new GtInstance(polygon, false, null);
    }

    public static GtInstance ignored(double[] polygon) {
        return new GtInstance(polygon, true, null);
    }
}
