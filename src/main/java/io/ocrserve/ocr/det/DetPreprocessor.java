package io.ocrserve.ocr.det;

import java.util.List;

import io.ocrserve.ocr.FloatTensor;
import io.ocrserve.ocr.image.Image;
import io.ocrserve.ocr.image.ImageOps;

/** Resize, normalize and pad a BGR image into a detector input, as MMOCR's or PaddleOCR's test pipeline does. */
public final class DetPreprocessor {
    private final DetPreprocessConfig config;

    public DetPreprocessor(DetPreprocessConfig config) {
        this.config = config;
    }

    /** {width, height} after resizing an image of w x h. */
    public int[] targetSize(int w, int h) {
        return switch (config.resizeMode()) {
            case KEEP_RATIO -> keepRatioSize(w, h, config.scaleLong(), config.scaleShort());
            case LIMIT_SIDE -> limitSideSize(w, h, config.limitSideLen());
            case FIXED -> new int[] {config.fixedWidth(), config.fixedHeight()};
        };
    }

    /** mmcv rescale_size: s = min(long / max(h, w), short / min(h, w)), size int(x * s + 0.5). */
    public static int[] keepRatioSize(int w, int h, int scaleLong, int scaleShort) {
        int lo = Math.max(scaleLong, scaleShort);
        int sh = Math.min(scaleLong, scaleShort);
        double s = Math.min((double) lo / Math.max(h, w), (double) sh / Math.min(h, w));
        return new int[] {(int) (w * s + 0.5), (int) (h * s + 0.5)};
    }

    /**
     * PaddleOCR DetResizeForTest (limit_type max): ratio = limit / max side if it is larger, sides truncated to
     * int, then rounded (Python's round: half to even) to a multiple of 32, at least 32.
     */
    public static int[] limitSideSize(int w, int h, int limit) {
        double ratio = Math.max(h, w) > limit ? (double) limit / Math.max(h, w) : 1.0;
        int rh = (int) (h * ratio);
        int rw = (int) (w * ratio);
        rh = Math.max((int) (Math.rint(rh / 32.0) * 32), 32);
        rw = Math.max((int) (Math.rint(rw / 32.0) * 32), 32);
        return new int[] {rw, rh};
    }

    public DetInput preprocess(Image image) {
        if (image.channels() != 3) {
            throw new IllegalArgumentException("detector input must be 3-channel BGR, got " + image.channels());
        }
        int[] size = targetSize(image.width(), image.height());
        Image resized = ImageOps.resize(image, size[0], size[1]);
        int rw = resized.width();
        int rh = resized.height();
        int div = config.padDivisor();
        int pw = div > 0 ? (rw + div - 1) / div * div : rw;
        int ph = div > 0 ? (rh + div - 1) / div * div : rh;
        float[] chw = new float[3 * ph * pw];
        boolean rgb = config.channelOrder().equals("rgb");
        byte[] px = resized.data();
        for (int c = 0; c < 3; c++) {
            int src = rgb ? 2 - c : c; // output channel c reads BGR channel src
            float mean = (float) config.mean()[c];
            float std = (float) config.std()[c];
            float stdInv = (float) (1.0 / config.std()[c]);
            float unit = (float) (1.0 / 255.0);
            int plane = c * ph * pw;
            for (int y = 0; y < rh; y++) {
                for (int x = 0; x < rw; x++) {
                    float v = px[(y * rw + x) * 3 + src] & 0xff;
                    // PaddleOCR: (x * (1/255) - mean) / std; mmcv imnormalize: (x - mean) * (1 / std), all float32
                    chw[plane + y * pw + x] = config.scaleToUnit() ? (v * unit - mean) / std : (v - mean) * stdInv;
                }
            }
        }
        return new DetInput(chw, 3, ph, pw, rh, rw, (double) rw / image.width(), (double) rh / image.height());
    }

    /** Stacks inputs of different sizes into one (N, C, maxH, maxW) tensor, zero-padded bottom/right. */
    public static FloatTensor stack(List<DetInput> inputs) {
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException("nothing to stack");
        }
        int c = inputs.get(0).channels();
        int mh = 0;
        int mw = 0;
        for (DetInput in : inputs) {
            if (in.channels() != c) {
                throw new IllegalArgumentException("channel counts differ: " + c + " and " + in.channels());
            }
            mh = Math.max(mh, in.height());
            mw = Math.max(mw, in.width());
        }
        float[] out = new float[inputs.size() * c * mh * mw];
        for (int i = 0; i < inputs.size(); i++) {
            DetInput in = inputs.get(i);
            for (int ch = 0; ch < c; ch++) {
                for (int y = 0; y < in.height(); y++) {
                    System.arraycopy(in.chw(), (ch * in.height() + y) * in.width(), out,
                            ((i * c + ch) * mh + y) * mw, in.width());
                }
            }
        }
        return new FloatTensor(new long[] {inputs.size(), c, mh, mw}, out);
    }
}
