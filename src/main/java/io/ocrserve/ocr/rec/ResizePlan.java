package io.ocrserve.ocr.rec;

/** Widths chosen for one crop: resized to {@code resizeWidth}, padded right to {@code outputWidth}. */
public record ResizePlan(int resizeWidth, int outputWidth, double validRatio) {
}
