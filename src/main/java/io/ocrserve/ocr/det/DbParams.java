package io.ocrserve.ocr.det;

/**
 * DBPostprocessor's parameters with MMOCR 0.6.3's defaults. PaddleOCR's DB settings map to
 * {@code new DbParams(QUAD, 0.3, 0.6, 3, 1.5, 0.01, 1000)} (thresh, box_thresh, min_size, unclip_ratio,
 * max_candidates).
 */
public record DbParams(TextRepr textReprType, double maskThr, double minTextScore, double minTextWidth,
        double unclipRatio, double epsilonRatio, int maxCandidates) {
    public static DbParams defaults() {
        return new DbParams(TextRepr.POLY, 0.3, 0.3, 5, 1.5, 0.01, 3000);
    }
}
