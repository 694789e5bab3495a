package io.ocrserve.ocr.rec;

/** One preprocessed crop: CHW float32 and the fraction of its width that holds the image (for CTC). */
public record RecInput(float[] chw, int channels, int height, int width, double validRatio) {
    public RecInput {
        if ((long) channels * height * width != chw.length) {
            throw new IllegalArgumentException("chw has " + chw.length + " values, expected "
                    + ((long) channels * height * width));
        }
    }
}
