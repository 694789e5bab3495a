package io.ocrserve.ocr.det;

/**
 * One preprocessed image: CHW floats of {@code height x width} (after padding), the resized size before padding
 * and the scale factors resized / original (divide network-input coordinates by them to get original pixels).
 */
public record DetInput(float[] chw, int channels, int height, int width, int resizedHeight, int resizedWidth,
        double scaleX, double scaleY) {
}
