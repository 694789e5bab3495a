package io.ocrserve.eval.datasets;

/**
 * One recognition sample: image file name (relative to the images folder) and its text. LMDB datasets that
 * store the images themselves give the encoded image bytes in {@code image} and the LMDB key as {@code file};
 * otherwise {@code image} is null.
 */
public record RecSample(String file, String text, byte[] image) {
    public RecSample(String file, String text) {
        this(file, text, null);
    }

    public boolean hasImageBytes() {
        return image != null;
    }
}
