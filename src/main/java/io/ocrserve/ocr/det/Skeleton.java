package io.ocrserve.ocr.det;

/** skimage.morphology.skeletonize (2D, Zhang's method) with skimage's own lookup table, as TextSnake uses it. */
final class Skeleton {
    // skimage _fast_skeletonize LUT: 1 = removable in the first sub-pass, 2 = second, 3 = both
    private static final byte[] LUT = {
        0, 0, 0, 1, 0, 0, 1, 3, 0, 0, 3, 1, 1, 0, 1, 3, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 2, 0, 3, 0, 3, 3,
        0, 0, 0, 0, 0, 0, 0, 0, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0, 0, 3, 0, 2, 2,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        2, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0, 0, 2, 0, 0, 0, 3, 0, 0, 0, 0, 0, 0, 0, 3, 0, 0, 0, 3, 0, 2, 0,
        0, 0, 3, 1, 0, 0, 1, 3, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1,
        3, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        2, 3, 1, 3, 0, 0, 1, 3, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        2, 3, 0, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 3, 3, 0, 1, 0, 0, 0, 0, 2, 2, 0, 0, 2, 0, 0, 0,
    };

    private Skeleton() {
    }

    /** The skeleton of the non-zero pixels of a row-major h x w mask (1 = skeleton). */
    static byte[] skeletonize(byte[] mask, int h, int w) {
        int pw = w + 2;
        byte[] sk = new byte[(h + 2) * pw];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                sk[(y + 1) * pw + x + 1] = (byte) (mask[y * w + x] != 0 ? 1 : 0);
            }
        }
        byte[] cleaned = sk.clone();
        boolean removed = true;
        while (removed) {
            removed = false;
            for (int pass = 0; pass < 2; pass++) {
                boolean first = pass == 0;
                for (int r = 1; r <= h; r++) {
                    for (int c = 1; c <= w; c++) {
                        int i = r * pw + c;
                        if (sk[i] == 0) {
                            continue;
                        }
                        int code = sk[i - pw - 1] + 2 * sk[i - pw] + 4 * sk[i - pw + 1] + 8 * sk[i + 1]
                                + 16 * sk[i + pw + 1] + 32 * sk[i + pw] + 64 * sk[i + pw - 1] + 128 * sk[i - 1];
                        int v = LUT[code];
                        if (v == 3 || v == 1 && first || v == 2 && !first) {
                            cleaned[i] = 0;
                            removed = true;
                        }
                    }
                }
                System.arraycopy(cleaned, 0, sk, 0, sk.length);
            }
        }
        byte[] out = new byte[h * w];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                out[y * w + x] = sk[(y + 1) * pw + x + 1];
            }
        }
        return out;
    }
}
