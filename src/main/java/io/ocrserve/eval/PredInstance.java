package io.ocrserve.eval;

import io.ocrserve.ocr.det.TextPolygon;

import java.util.Arrays;

/** One predicted text instance: polygon, detection score, and recognized text ({@code null} for detection only). */
public record PredInstance(double[] polygon, double score, String text) {
    public PredInstance {
        Polys.checkPolygon(polygon, "predicted polygon");
    }

    public PredInstance(double[] polygon, double score) {
        this(polygon, score, null);
    }

    /** From MMOCR's {@code boundary_result} row: {@code x1, y1, ..., xn, yn, score}. */
    public static PredInstance fromBoundary(double[] row) {
        if (row.length < 7 || row.length % 2 == 0) {
            throw new IllegalArgumentException(
                    "a boundary_result row is x1,y1,...,xn,yn,score with n >= 3; got " + row.length + " values");
        }
        return new PredInstance(Arrays.copyOf(row, row.length - 1), row[row.length - 1], null);
    }

    public static PredInstance of(TextPolygon p) {
        return new PredInstance(p.points(), p.score(), null);
    }
}
