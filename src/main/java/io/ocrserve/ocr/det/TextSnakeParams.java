package io.ocrserve.ocr.det;

/** TextSnakePostprocessor's parameters with MMOCR 0.6.3's defaults (poly only). */
public record TextSnakeParams(TextRepr textReprType, double minTextRegionConfidence,
        double minCenterRegionConfidence, int minCenterArea, double diskOverlapThr, double radiusShrinkRatio) {
    public TextSnakeParams {
        if (textReprType != TextRepr.POLY) {
            throw new IllegalArgumentException("TextSnake supports text_repr_type poly only");
        }
    }

    public static TextSnakeParams defaults() {
        return new TextSnakeParams(TextRepr.POLY, 0.6, 0.2, 30, 0.03, 1.03);
    }
}
