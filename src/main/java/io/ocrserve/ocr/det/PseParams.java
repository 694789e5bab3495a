package io.ocrserve.ocr.det;

/** PSEPostprocessor's parameters with MMOCR 0.6.3's defaults; maps are 1/4 size ({@code downsampleRatio}). */
public record PseParams(TextRepr textReprType, double minKernelConfidence, double minTextAvgConfidence,
        int minKernelArea, int minTextArea, double downsampleRatio) {
    public static PseParams defaults() {
        return new PseParams(TextRepr.POLY, 0.5, 0.85, 0, 16, 0.25);
    }
}
