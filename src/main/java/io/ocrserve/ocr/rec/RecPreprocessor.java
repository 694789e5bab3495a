package io.ocrserve.ocr.rec;

import io.ocrserve.ocr.FloatTensor;
import io.ocrserve.ocr.InvalidInputException;
import io.ocrserve.ocr.image.Image;

import java.util.ArrayList;
import java.util.List;

/** Turns text crops into recognizer input as MMOCR's ResizeOCR + normalize or PaddleOCR's resize_norm_img. */
public final class RecPreprocessor {
    private final RecPreprocessConfig config;

    public RecPreprocessor(RecPreprocessConfig config) {
        this.config = config;
    }

    public RecPreprocessConfig config() {
        return config;
    }

    /**
     * MMOCR ResizeOCR widths for a w x h crop. Keep ratio: {@code nw = ceil(H / h * w)}; if not a multiple of
     * d, {@code nw = round(nw / d) * d} (Python round, half to even: this is ResizeOCR's code, not a ceil);
     * {@code max(minWidth, nw)}; with maxWidth: resize to {@code min(maxWidth, nw)}, pad to maxWidth,
     * {@code validRatio = min(1, nw / maxWidth)}. Fixed: maxWidth x H, valid ratio 1.
     */
    public ResizePlan plan(int width, int height) {
        RecPreprocessConfig c = config;
        if (c.resize() == RecPreprocessConfig.Resize.FIXED) {
            return new ResizePlan(c.maxWidth(), c.maxWidth(), 1.0);
        }
        if (c.resize() == RecPreprocessConfig.Resize.PPOCR) {
            return planPaddle(width, height, (double) c.maxWidth() / c.height());
        }
        int nw = (int) Math.ceil((double) c.height() / height * width);
        int d = c.widthDivisor();
        if (nw % d != 0) {
            nw = (int) Math.rint((double) nw / d) * d;
        }
        if (c.minWidth() > 0) {
            nw = Math.max(c.minWidth(), nw);
        }
        if (nw <= 0) {
            throw new InvalidInputException("crop " + width + "x" + height + " is too narrow to recognize");
        }
        if (c.maxWidth() > 0) {
            return new ResizePlan(Math.min(c.maxWidth(), nw), c.maxWidth(), Math.min(1.0, (double) nw / c.maxWidth()));
        }
        return new ResizePlan(nw, nw, 1.0);
    }

    /**
     * PaddleOCR resize_norm_img: {@code imgW = int(H * maxWhRatio)}, {@code resized_w = min(ceil(H * w / h),
     * imgW)}. The valid ratio is 1: PaddleOCR's CTC decoding reads every step.
     */
    public ResizePlan planPaddle(int width, int height, double maxWhRatio) {
        int h = config.height();
        int imgW = (int) (h * maxWhRatio);
        double ceil = Math.ceil(h * ((double) width / height));
        int resized = ceil > imgW ? imgW : (int) ceil;
        return new ResizePlan(resized, imgW, 1.0);
    }

    /** One crop (PPOCR mode uses its own ratio, at least the base 320/48). */
    public RecInput preprocess(Image crop) {
        if (config.resize() == RecPreprocessConfig.Resize.PPOCR) {
            return preprocessBatch(List.of(crop)).get(0);
        }
        return apply(crop, plan(crop.width(), crop.height()));
    }

    /**
     * Several crops meant for one batch: in PPOCR mode they share the width of the widest ratio in the batch
     * (PaddleOCR's max_wh_ratio); otherwise each is done alone.
     */
    public List<RecInput> preprocessBatch(List<Image> crops) {
        List<RecInput> out = new ArrayList<>(crops.size());
        if (config.resize() == RecPreprocessConfig.Resize.PPOCR) {
            double maxRatio = (double) config.maxWidth() / config.height();
            for (Image c : crops) {
                maxRatio = Math.max(maxRatio, c.width() * 1.0 / c.height());
            }
            for (Image c : crops) {
                out.add(apply(c, planPaddle(c.width(), c.height(), maxRatio)));
            }
        } else {
            for (Image c : crops) {
                out.add(apply(c, plan(c.width(), c.height())));
            }
        }
        return out;
    }

    private RecInput apply(Image crop, ResizePlan plan) {
        int ch = config.channels();
        int h = config.height();
        Image img = RecResize.resize(RecResize.toChannels(crop, ch), plan.resizeWidth(), h);
        int w = plan.outputWidth();
        float[] chw = new float[ch * h * w];
        // MMOCR pads with pixel value 0 before normalizing, PaddleOCR pads the normalized tensor with 0
        boolean padNormalized = config.resize() != RecPreprocessConfig.Resize.PPOCR;
        for (int c = 0; c < ch; c++) {
            float mean = (float) config.mean()[config.mean().length == 1 ? 0 : c];
            float std = (float) config.std()[config.std().length == 1 ? 0 : c];
            float padValue = padNormalized ? normalize(0, mean, std) : 0f;
            for (int y = 0; y < h; y++) {
                int row = (c * h + y) * w;
                for (int x = 0; x < w; x++) {
                    chw[row + x] = x < img.width() ? normalize(img.at(x, y, c), mean, std) : padValue;
                }
            }
        }
        return new RecInput(chw, ch, h, w, plan.validRatio());
    }

    private float normalize(int pixel, float mean, float std) {
        float v = config.divide255() ? pixel / 255f : pixel;
        return (v - mean) / std;
    }

    /** Stacks inputs into (N, C, H, Wmax), each right-padded with 0 to the widest. */
    public static FloatTensor stack(List<RecInput> inputs) {
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException("nothing to stack");
        }
        int c = inputs.get(0).channels();
        int h = inputs.get(0).height();
        int wMax = 0;
        for (RecInput in : inputs) {
            if (in.channels() != c || in.height() != h) {
                throw new IllegalArgumentException("inputs differ in channels or height");
            }
            wMax = Math.max(wMax, in.width());
        }
        float[] data = new float[inputs.size() * c * h * wMax];
        for (int n = 0; n < inputs.size(); n++) {
            RecInput in = inputs.get(n);
            for (int row = 0; row < c * h; row++) {
                System.arraycopy(in.chw(), row * in.width(), data, (n * c * h + row) * wMax, in.width());
            }
        }
        return new FloatTensor(new long[] {inputs.size(), c, h, wMax}, data);
    }
}
