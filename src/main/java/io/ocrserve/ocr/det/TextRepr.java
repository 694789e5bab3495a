package io.ocrserve.ocr.det;

/** MMOCR's {@code text_repr_type}: a 4-point rotated rectangle or a polygon. */
public enum TextRepr {
    QUAD, POLY;

    /** Parses MMOCR's config value {@code quad} or {@code poly}. */
    public static TextRepr parse(String s) {
        return switch (s) {
            case "quad" -> QUAD;
            case "poly" -> POLY;
            default -> throw new IllegalArgumentException("text_repr_type must be quad or poly, got " + s);
        };
    }
}
