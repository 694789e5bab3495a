package io.ocrserve.serving.handlers;

import io.ocrserve.config.ServerConfig;
import io.ocrserve.engine.EngineSession;
import io.ocrserve.engine.EngineSpec;
import io.ocrserve.engine.Engines;
import io.ocrserve.ocr.det.DetPostprocessors;
import io.ocrserve.ocr.det.DetPreprocessor;
import io.ocrserve.ocr.rec.Dictionary;
import io.ocrserve.ocr.rec.RecDecoder;
import io.ocrserve.ocr.rec.RecDecoders;
import io.ocrserve.ocr.rec.RecPreprocessor;
import io.ocrserve.serving.HandlerProvider;
import io.ocrserve.serving.ModelResolver;
import io.ocrserve.serving.archive.ArchiveException;
import io.ocrserve.serving.archive.ModelArchive;
import io.ocrserve.serving.archive.ModelConfig;
import io.ocrserve.serving.worker.HandlerFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a worker's handler from an archive's model config. Configs are read and checked once, when the model is
 * registered (a bad config is a 400 then, not a worker crash later); each worker then opens its own engine.
 */
@ApplicationScoped
public class OcrHandlers implements HandlerProvider {

    @Inject
    ServerConfig config;

    @Override
    public HandlerFactory factoryFor(ModelArchive archive, ModelResolver models) {
        return create(archive, models, config.maxImagePixels());
    }

    /** The same handlers without CDI (in-process runs, benchmarks); {@code maxPixels} as ocrserve.max-image-pixels. */
    public static HandlerProvider standalone(long maxPixels) {
        return (archive, models) -> create(archive, models, maxPixels);
    }

    private static HandlerFactory create(ModelArchive archive, ModelResolver models, long maxPixels) {
        ModelConfig mc = archive.config();
        try {
            if (TesseractHandler.ENGINE.equalsIgnoreCase(mc.engine())) {
                if (!mc.task().equals("textdet") && !mc.task().equals("textrecog")) {
                    throw new ArchiveException("engine Tesseract serves textdet or textrecog, not " + mc.task());
                }
                return TesseractHandler.factory(archive, mc, maxPixels);
            }
            return switch (mc.task()) {
                case "textdet" -> textdet(archive, mc, maxPixels);
                case "textrecog" -> textrecog(archive, mc, maxPixels);
                case "textcls" -> textcls(archive, mc, maxPixels);
                case "ocr" -> ocr(archive, mc, models, maxPixels);
                default -> throw new ArchiveException("no handler for task " + mc.task());
            };
        } catch (ArchiveException e) {
            throw e;
        } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
            throw new ArchiveException("model config: " + e.getMessage(), e);
        }
    }

    private static HandlerFactory textdet(ModelArchive archive, ModelConfig mc, long maxPixels) {
        DetPreprocessor pre = new DetPreprocessor(HandlerConfigs.detPreprocess(mc.section("preprocessing")));
        Map<String, Object> post = new LinkedHashMap<>(mc.section("postprocessor"));
        Object type = post.remove("type");
        String postType = type == null ? "DBPostprocessor" : type.toString();
        DetPostprocessors.create(postType, post); // validate now
        checkKeys(mc, "preprocessing", "postprocessor");
        return device -> new TextDetHandler(open(archive, mc, device), pre, postType, post, maxPixels);
    }

    private static HandlerFactory textrecog(ModelArchive archive, ModelConfig mc, long maxPixels) {
        RecPreprocessor pre = new RecPreprocessor(HandlerConfigs.recPreprocess(mc.section("preprocessing")));
        Map<String, Object> conv = new LinkedHashMap<>(mc.section("label_convertor"));
        Object type = conv.remove("type");
        Object dictFile = conv.get("dict_file");
        if (dictFile != null) {
            // dictionary files travel inside the archive
            conv.put("dict_file", archive.file(dictFile.toString()).toString());
        }
        String convType = type == null ? "CTCConvertor" : type.toString();
        RecDecoder decoder = RecDecoders.create(convType, (Dictionary) null, conv);
        boolean rotate = Boolean.TRUE.equals(mc.raw().get("test_time_rotation"));
        checkKeys(mc, "preprocessing", "label_convertor", "test_time_rotation");
        return device -> new TextRecogHandler(open(archive, mc, device), pre, decoder, rotate, maxPixels);
    }

    private static HandlerFactory textcls(ModelArchive archive, ModelConfig mc, long maxPixels) {
        ConfigMap c = new ConfigMap("textcls", mc.raw());
        int height = c.integer("height", 48);
        int width = c.integer("width", 192);
        Object labels = mc.raw().get("labels");
        List<String> names = labels instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of("0", "180");
        checkKeys(mc, "height", "width", "labels");
        return device -> new TextClsHandler(open(archive, mc, device), height, width, names, maxPixels);
    }

    private static HandlerFactory ocr(ModelArchive archive, ModelConfig mc, ModelResolver models, long maxPixels) {
        ConfigMap c = new ConfigMap("ocr", mc.raw());
        String crop = c.string("crop", "mmocr");
        if (!crop.equals("mmocr") && !crop.equals("warp")) {
            throw new ArchiveException("model config: crop must be mmocr or warp, got " + crop);
        }
        OcrPipelineHandler.Settings s = new OcrPipelineHandler.Settings(required(c, "det_model"),
                required(c, "rec_model"), c.string("cls_model", null), c.bool("use_angle_cls", false),
                c.number("cls_thresh", 0.9), crop, c.bool("details", true), c.bool("merge", false),
                c.number("drop_score", 0.0), maxPixels);
        checkKeys(mc, "det_model", "rec_model", "cls_model", "use_angle_cls", "cls_thresh", "crop", "details",
                "merge", "drop_score");
        Map<String, HandlerFactory> embedded = new LinkedHashMap<>();
        for (String part : new String[] {s.detModel(), s.recModel(), s.clsModel()}) {
            if (part != null && java.nio.file.Files.isRegularFile(archive.file(part))) {
                ModelArchive nested = EmbeddedArchives.open(archive.file(part));
                if (nested.config().task().equals("ocr")) {
                    throw new ArchiveException("model config: " + part + " is itself a pipeline");
                }
                embedded.put(part, create(nested, models, maxPixels));
            }
        }
        if (embedded.isEmpty()) {
            return device -> new OcrPipelineHandler(s, models);
        }
        return device -> {
            Map<String, io.ocrserve.serving.Handler> handlers = new LinkedHashMap<>();
            try {
                embedded.forEach((name, factory) -> handlers.put(name, factory.create(device)));
            } catch (RuntimeException e) {
                handlers.values().forEach(io.ocrserve.serving.Handler::close);
                throw e;
            }
            return new OcrPipelineHandler(s, new EmbeddedModels(handlers, models));
        };
    }

    private static String required(ConfigMap c, String key) {
        String v = c.string(key, null);
        if (v == null || v.isBlank()) {
            throw new ArchiveException("model config: '" + key + "' is required for task ocr");
        }
        return v;
    }

    /** Top-level keys other than the common ones and the task's own are typos: refuse them. */
    static void checkKeys(ModelConfig mc, String... taskKeys) {
        java.util.Set<String> allowed = new java.util.HashSet<>(List.of("task", "engine", "device", "engine_options",
                "model", "description"));
        allowed.addAll(List.of(taskKeys));
        for (String key : mc.raw().keySet()) {
            if (!allowed.contains(key)) {
                throw new ArchiveException("model config: unknown key '" + key + "' for task " + mc.task());
            }
        }
    }

    private static EngineSession open(ModelArchive archive, ModelConfig mc, String device) {
        return Engines.open(new EngineSpec(archive.serializedFile(), mc.engine(), mc.device() != null
                && device.equals("auto") ? mc.device() : device, mc.engineOptions()));
    }
}
