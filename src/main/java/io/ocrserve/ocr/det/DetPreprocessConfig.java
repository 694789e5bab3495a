package io.ocrserve.ocr.det;

/**
 * How an image becomes the detector's input.
 *
 * @param resizeMode   KEEP_RATIO (MMOCR: scale to fit {@code scale} = (long, short)), LIMIT_SIDE (PaddleOCR
 *                     DetResizeForTest type 0 with {@code limitSideLen}), FIXED ({@code fixedWidth} x
 *                     {@code fixedHeight})
 * @param scaleToUnit  divide by 255 before normalizing (PaddleOCR)
 * @param channelOrder "rgb" (MMOCR swaps BGR to RGB) or "bgr" (PaddleOCR keeps BGR)
 * @param padDivisor   pad bottom/right with zeros to a multiple of this (0: no padding)
 */
public record DetPreprocessConfig(ResizeMode resizeMode, int scaleLong, int scaleShort, int limitSideLen,
        int fixedWidth, int fixedHeight, double[] mean, double[] std, boolean scaleToUnit, String channelOrder,
        int padDivisor) {
    public enum ResizeMode { KEEP_RATIO, LIMIT_SIDE, FIXED }

    public DetPreprocessConfig {
        if (mean.length != 3 || std.length != 3) {
            throw new IllegalArgumentException("mean and std need 3 values");
        }
        if (!channelOrder.equals("rgb") && !channelOrder.equals("bgr")) {
            throw new IllegalArgumentException("channel order must be rgb or bgr: " + channelOrder);
        }
        if (padDivisor < 0) {
            throw new IllegalArgumentException("pad_divisor must be >= 0: " + padDivisor);
        }
    }

    /** MMOCR's test pipeline: keep-ratio resize to (long, short), ImageNet mean/std on 0..255, RGB, pad to 32. */
    public static DetPreprocessConfig mmocr(int scaleLong, int scaleShort) {
        return new DetPreprocessConfig(ResizeMode.KEEP_RATIO, scaleLong, scaleShort, 0, 0, 0,
                new double[] {123.675, 116.28, 103.53}, new double[] {58.395, 57.12, 57.375}, false, "rgb", 32);
    }

    /** PaddleOCR's det: limit_type max, x / 255, ImageNet mean/std, BGR kept, no extra padding. */
    public static DetPreprocessConfig paddle(int limitSideLen) {
        return new DetPreprocessConfig(ResizeMode.LIMIT_SIDE, 0, 0, limitSideLen, 0, 0,
                new double[] {0.485, 0.456, 0.406}, new double[] {0.229, 0.224, 0.225}, true, "bgr", 0);
    }
}
