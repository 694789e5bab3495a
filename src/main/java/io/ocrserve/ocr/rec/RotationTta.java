package io.ocrserve.ocr.rec;

import io.ocrserve.ocr.image.Image;

import java.util.List;

/**
 * MMOCR MultiRotateAugOCR (rotate_degrees [0, 90, 270]) and EncodeDecodeRecognizer.merge_aug_results: a crop
 * taller than wide is also read rotated 90 and 270 degrees anticlockwise (np.rot90 k=1, k=3), and the reading
 * with the highest mean char score wins.
 */
public final class RotationTta {
    private RotationTta() {
    }

    /** The variants to read: just the crop when h <= w, else crop, rot90, rot270 (MMOCR's order). */
    public static List<Image> candidates(Image crop) {
        if (crop.height() <= crop.width()) {
            return List.of(crop);
        }
        return List.of(crop, rotate90(crop), rotate270(crop));
    }

    /**
     * merge_aug_results: starts from ("", -1) and takes a candidate only when its score is strictly higher,
     * so the first of equal scores wins.
     */
    public static RecResult select(List<RecResult> candidates) {
        RecResult best = new RecResult("", -1, new double[0]);
        for (RecResult r : candidates) {
            if (r.score() > best.score()) {
                best = r;
            }
        }
        return best;
    }

    /** np.rot90(img, 1): anticlockwise; out(x, y) = in(W - 1 - y, x). */
    public static Image rotate90(Image in) {
        int w = in.width();
        int h = in.height();
        int ch = in.channels();
        byte[] out = new byte[in.data().length];
        for (int y = 0; y < w; y++) {
            for (int x = 0; x < h; x++) {
                System.arraycopy(in.data(), (x * w + (w - 1 - y)) * ch, out, (y * h + x) * ch, ch);
            }
        }
        return new Image(h, w, ch, out);
    }

    /** np.rot90(img, 3): clockwise; out(x, y) = in(y, H - 1 - x). */
    public static Image rotate270(Image in) {
        int w = in.width();
        int h = in.height();
        int ch = in.channels();
        byte[] out = new byte[in.data().length];
        for (int y = 0; y < w; y++) {
            for (int x = 0; x < h; x++) {
                System.arraycopy(in.data(), ((h - 1 - x) * w + y) * ch, out, (y * h + x) * ch, ch);
            }
        }
        return new Image(h, w, ch, out);
    }
}
