package io.ocrserve.ocr.det;

/**
 * PANPostprocessor's parameters with MMOCR 0.6.3's defaults; {@code downsampleRatio} is the head's (0.25: the
 * maps are 1/4 of the input, so points are multiplied by 4).
 */
public record PanParams(TextRepr textReprType, double minTextConfidence, double minKernelConfidence,
        double minTextAvgConfidence, int minTextArea, double downsampleRatio) {
    public static PanParams defaults() {
        return new PanParams(TextRepr.POLY, 0.5, 0.5, 0.85, 16, 0.25);
    }
}
