package io.ocrserve.serving.handlers;

import io.ocrserve.ocr.det.DetPreprocessConfig;
import io.ocrserve.ocr.rec.RecPreprocessConfig;
import io.ocrserve.serving.archive.ArchiveException;
import java.util.Locale;
import java.util.Map;

/** Reads the preprocessing sections of model configs into the {@code ocr} package's config records. */
final class HandlerConfigs {
    private HandlerConfigs() {}

    /** textdet {@code preprocessing}: MMOCR defaults (keep ratio to 1333x736, ImageNet mean/std, RGB, pad 32). */
    static DetPreprocessConfig detPreprocess(Map<String, Object> section) {
        ConfigMap c = new ConfigMap("preprocessing", section);
        DetPreprocessConfig d = DetPreprocessConfig.mmocr(1333, 736);
        String resize = c.string("resize", "keep_ratio").toLowerCase(Locale.ROOT);
        double[] scale = c.numbers("scale", new double[] {1333, 736});
        double[] size = c.numbers("size", new double[] {0, 0});
        if (scale.length != 2 || size.length != 2) {
            throw new ArchiveException("model config: preprocessing.scale and .size need two numbers");
        }
        DetPreprocessConfig.ResizeMode mode = switch (resize) {
            case "keep_ratio" -> DetPreprocessConfig.ResizeMode.KEEP_RATIO;
            case "limit_side" -> DetPreprocessConfig.ResizeMode.LIMIT_SIDE;
            case "fixed" -> DetPreprocessConfig.ResizeMode.FIXED;
            default -> throw new ArchiveException("model config: preprocessing.resize must be keep_ratio, "
                    + "limit_side or fixed, got " + resize);
        };
        try {
            DetPreprocessConfig out = new DetPreprocessConfig(mode, (int) scale[0], (int) scale[1],
                    c.integer("limit_side_len", 960), (int) size[0], (int) size[1], c.numbers("mean", d.mean()),
                    c.numbers("std", d.std()), c.bool("scale_to_unit", false),
                    c.string("channel_order", "rgb").toLowerCase(Locale.ROOT), c.integer("pad_divisor", 32));
            c.checkAllRead();
            return out;
        } catch (IllegalArgumentException e) {
            throw new ArchiveException("model config: preprocessing: " + e.getMessage(), e);
        }
    }

    /** textrecog {@code preprocessing}: a {@code preset} (MMOCR model name or PPOCR), fields override it. */
    static RecPreprocessConfig recPreprocess(Map<String, Object> section) {
        ConfigMap c = new ConfigMap("preprocessing", section);
        try {
            RecPreprocessConfig p = RecPreprocessConfig.forModel(c.string("preset", "CRNN"));
            RecPreprocessConfig out = new RecPreprocessConfig(
                    RecPreprocessConfig.Color.valueOf(c.string("color", p.color().name()).toUpperCase(Locale.ROOT)),
                    RecPreprocessConfig.Resize.valueOf(c.string("resize", p.resize().name()).toUpperCase(Locale.ROOT)),
                    c.integer("height", p.height()), c.integer("min_width", p.minWidth()),
                    c.integer("max_width", p.maxWidth()), c.integer("width_divisor", p.widthDivisor()),
                    c.numbers("mean", p.mean()), c.numbers("std", p.std()), c.bool("divide255", p.divide255()));
            c.checkAllRead();
            return out;
        } catch (IllegalArgumentException e) {
            throw new ArchiveException("model config: preprocessing: " + e.getMessage(), e);
        }
    }
}
