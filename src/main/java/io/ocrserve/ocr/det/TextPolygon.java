package io.ocrserve.ocr.det;

/**
 * A detected text region: polygon vertices {@code [x1, y1, x2, y2, ...]} and a confidence score. MMOCR's
 * {@code boundary_result} entry is the points followed by the score.
 */
public record TextPolygon(double[] points, double score) {
    public int vertexCount() {
        return points.length / 2;
    }

    /** MMOCR's boundary_result row: x1, y1, ..., xn, yn, score. */
    public double[] toBoundary() {
        double[] row = java.util.Arrays.copyOf(points, points.length + 1);
        row[points.length] = score;
        return row;
    }

    /** The same polygon with x divided by {@code scaleX} and y by {@code scaleY} (map to original pixels). */
    public TextPolygon rescale(double scaleX, double scaleY) {
        double[] p = new double[points.length];
        for (int i = 0; i < p.length; i += 2) {
            p[i] = points[i] / scaleX;
            p[i + 1] = points[i + 1] / scaleY;
        }
        return new TextPolygon(p, score);
    }
}
