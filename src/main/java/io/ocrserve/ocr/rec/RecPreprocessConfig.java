package io.ocrserve.ocr.rec;

/**
 * How a recognizer wants its crop: colour, resize and normalization (the rows of the MMOCR recognition table
 * and PaddleOCR's recognizer). Normalization is {@code (x [/ 255] - mean[c]) / std[c]} on the BGR (or gray)
 * channels as they are: recognizers get no channel swap.
 *
 * @param height       output height H
 * @param minWidth     KEEP_RATIO: minimum width (0 = none)
 * @param maxWidth     KEEP_RATIO: maximum width, the crop is right-padded to it (0 = none); FIXED: the width;
 *                     PPOCR: the base width (320) that sets the smallest batch ratio
 * @param widthDivisor KEEP_RATIO: {@code 1 / width_downsample_ratio}; the width is rounded to a multiple of it
 * @param mean         one value per channel, or one for all
 * @param std          one value per channel, or one for all
 * @param divide255    divide by 255 before subtracting the mean (MMOCR ToTensorOCR, PaddleOCR)
 */
public record RecPreprocessConfig(Color color, Resize resize, int height, int minWidth, int maxWidth,
                                  int widthDivisor, double[] mean, double[] std, boolean divide255) {
    public enum Color { GRAY, BGR }

    /**
     * KEEP_RATIO: MMOCR ResizeOCR keep_aspect_ratio=True (pads with pixel 0 before normalizing);
     * FIXED: resize to maxWidth x height; PPOCR: PaddleOCR resize_norm_img with the batch's max w/h ratio
     * (pads with 0 after normalizing).
     */
    public enum Resize { KEEP_RATIO, FIXED, PPOCR }

    private static final double[] HALF = {0.5, 0.5, 0.5};
    private static final double[] IMAGENET_MEAN = {0.485, 0.456, 0.406};
    private static final double[] IMAGENET_STD = {0.229, 0.224, 0.225};

    public RecPreprocessConfig {
        int ch = color == Color.GRAY ? 1 : 3;
        if (height <= 0) {
            throw new IllegalArgumentException("height must be positive");
        }
        if (resize != Resize.KEEP_RATIO && maxWidth <= 0) {
            throw new IllegalArgumentException(resize + " needs maxWidth");
        }
        if (resize == Resize.KEEP_RATIO && widthDivisor <= 0) {
            throw new IllegalArgumentException("widthDivisor must be positive");
        }
        if ((mean.length != 1 && mean.length != ch) || (std.length != 1 && std.length != ch)) {
            throw new IllegalArgumentException("mean/std need 1 or " + ch + " values");
        }
        mean = mean.clone();
        std = std.clone();
    }

    public int channels() {
        return color == Color.GRAY ? 1 : 3;
    }

    /** CRNN: gray, H32, min 32, keep ratio, d 16, (x - 127) / 127. */
    public static RecPreprocessConfig crnn() {
        return new RecPreprocessConfig(Color.GRAY, Resize.KEEP_RATIO, 32, 32, 0, 16,
                new double[] {127}, new double[] {127}, false);
    }

    /** CRNN_TPS: gray, 32x100 fixed, (x/255 - 0.5) / 0.5. */
    public static RecPreprocessConfig crnnTps() {
        return new RecPreprocessConfig(Color.GRAY, Resize.FIXED, 32, 0, 100, 1,
                new double[] {0.5}, new double[] {0.5}, true);
    }

    /** SAR and RobustScanner: BGR, H48, min 48, max 160, d 4, (x/255 - 0.5) / 0.5. */
    public static RecPreprocessConfig sar() {
        return new RecPreprocessConfig(Color.BGR, Resize.KEEP_RATIO, 48, 48, 160, 4, HALF, HALF, true);
    }

    /** NRTR: BGR, H32, min 32, max 160, d 16, ImageNet mean/std on x/255. */
    public static RecPreprocessConfig nrtr() {
        return new RecPreprocessConfig(Color.BGR, Resize.KEEP_RATIO, 32, 32, 160, 16,
                IMAGENET_MEAN, IMAGENET_STD, true);
    }

    /** SATRN, SATRN_sm: BGR, 32x100 fixed, ImageNet. */
    public static RecPreprocessConfig satrn() {
        return new RecPreprocessConfig(Color.BGR, Resize.FIXED, 32, 0, 100, 1, IMAGENET_MEAN, IMAGENET_STD, true);
    }

    /** ABINet(_Vision): BGR, 32x128 fixed, ImageNet. */
    public static RecPreprocessConfig abinet() {
        return new RecPreprocessConfig(Color.BGR, Resize.FIXED, 32, 0, 128, 1, IMAGENET_MEAN, IMAGENET_STD, true);
    }

    /** MASTER: BGR, H48, min 48, max 160, d 16, (x/255 - 0.5) / 0.5. */
    public static RecPreprocessConfig master() {
        return new RecPreprocessConfig(Color.BGR, Resize.KEEP_RATIO, 48, 48, 160, 16, HALF, HALF, true);
    }

    /** PaddleOCR PP-OCRv3/v4 recognizer: BGR, H48, width from the batch (at least 320), (x/255 - 0.5) / 0.5. */
    public static RecPreprocessConfig ppocr() {
        return new RecPreprocessConfig(Color.BGR, Resize.PPOCR, 48, 0, 320, 1, HALF, HALF, true);
    }

    /** A preset by MMOCR model name (CRNN, CRNN_TPS, SAR, RobustScanner, NRTR, SATRN, SATRN_sm, ABINet, MASTER) or PPOCR. */
    public static RecPreprocessConfig forModel(String name) {
        return switch (name) {
            case "CRNN" -> crnn();
            case "CRNN_TPS" -> crnnTps();
            case "SAR", "SAR_CN", "RobustScanner" -> sar();
            case "NRTR", "NRTR_1/16-1/8", "NRTR_1/8-1/4" -> nrtr();
            case "SATRN", "SATRN_sm" -> satrn();
            case "ABINet", "ABINet_Vision" -> abinet();
            case "MASTER" -> master();
            case "PPOCR" -> ppocr();
            default -> throw new IllegalArgumentException("no recognition preprocessing for model " + name);
        };
    }
}
