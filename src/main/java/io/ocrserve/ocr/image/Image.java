package io.ocrserve.ocr.image;

/**
 * A decoded image: 8-bit pixels, row-major HWC, channels in BGR order when there are 3 (OpenCV's layout,
 * which is what MMOCR and PaddleOCR feed their models).
 */
public record Image(int width, int height, int channels, byte[] data) {
    public Image {
        if (width <= 0 || height <= 0 || channels <= 0) {
            throw new IllegalArgumentException("image size must be positive: " + width + "x" + height + "x" + channels);
        }
        if ((long) width * height * channels != data.length) {
            throw new IllegalArgumentException("image data has " + data.length + " bytes, expected "
                    + ((long) width * height * channels));
        }
    }

    /** Unsigned value of channel {@code c} at pixel (x, y). */
    public int at(int x, int y, int c) {
        return data[(y * width + x) * channels + c] & 0xff;
    }
}
