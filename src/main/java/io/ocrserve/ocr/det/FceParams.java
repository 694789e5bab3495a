package io.ocrserve.ocr.det;

/**
 * FCEPostprocessor's parameters with MMOCR 0.6.3's defaults (CTW: alpha 1.0, beta 2.0; IC15 configs use
 * alpha 1.2, beta 1.0). {@code scales} are the strides of the levels (8, 16, 32). MMOCR returns the
 * reconstructed polygons even when {@code textReprType} is quad, and so does this port.
 */
public record FceParams(TextRepr textReprType, int fourierDegree, int numReconstrPoints, double alpha, double beta,
        double scoreThr, double nmsThr, int[] scales) {
    public static FceParams defaults() {
        return new FceParams(TextRepr.POLY, 5, 50, 1.0, 2.0, 0.3, 0.1, new int[] {8, 16, 32});
    }
}
