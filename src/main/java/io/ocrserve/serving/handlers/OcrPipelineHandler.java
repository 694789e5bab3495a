package io.ocrserve.serving.handlers;

import io.ocrserve.ocr.e2e.CropExtractor;
import io.ocrserve.ocr.e2e.LineMerger;
import io.ocrserve.ocr.e2e.OcrWord;
import io.ocrserve.ocr.e2e.ReadingOrder;
import io.ocrserve.ocr.image.Image;
import io.ocrserve.ocr.image.ImageCodec;
import io.ocrserve.ocr.image.ImageOps;
import io.ocrserve.ocr.image.Visualizer;
import io.ocrserve.serving.Handler;
import io.ocrserve.serving.InferenceInput;
import io.ocrserve.serving.InferenceOutput;
import io.ocrserve.serving.ModelResolver;
import io.ocrserve.serving.ServingException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * ocr: the end-to-end pipeline over registered models: detection, crops (MMOCR's padded crop or a perspective
 * warp of the min-area rectangle), optional 0/180 direction classification, recognition of all crops at once
 * (sorted by aspect ratio so the recognizer's batches hold similar widths), MMOCR ocr.py's result; with
 * {@code visualize=true} the image with the words' boxes and texts drawn, as PNG.
 */
final class OcrPipelineHandler implements Handler {
    /** The pipeline's settings (model config keys), each overridable per request where it makes sense. */
    record Settings(String detModel, String recModel, String clsModel, boolean useAngleCls, double clsThresh,
            String crop, boolean details, boolean merge, double dropScore, long maxPixels) {}

    /**
     * Default crops in flight per image and model (recog_batch_size): a few recognizer batches, far below the
     * default job queue of 100.
     */
    static final int IN_FLIGHT = 32;

    private final Settings settings;
    private final ModelResolver models;

    OcrPipelineHandler(Settings settings, ModelResolver models) {
        this.settings = settings;
        this.models = models;
    }

    @Override
    public List<Outcome> handle(List<InferenceInput> batch) {
        List<CompletableFuture<InferenceOutput>> detections = new ArrayList<>();
        List<Image> images = new ArrayList<>();
        List<Outcome> outcomes = new ArrayList<>();
        for (InferenceInput input : batch) {
            try {
                Image image = Inputs.image(input, settings.maxPixels());
                images.add(image);
                detections.add(models.submit(settings.detModel(), null, InferenceInput.decoded(image, detParams(input))));
                outcomes.add(null);
            } catch (RuntimeException e) {
                images.add(null);
                detections.add(null);
                outcomes.add(Outcome.failed(e));
            }
        }
        for (int i = 0; i < batch.size(); i++) {
            if (outcomes.get(i) == null) {
                try {
                    InferenceInput input = batch.get(i);
                    List<OcrWord> words = read(input, images.get(i), boundaries(await(detections.get(i))));
                    outcomes.set(i, Outcome.ok(Inputs.flag(input, "visualize", false)
                            ? visualize(images.get(i), words) : InferenceOutput.json(result(input, words))));
                } catch (RuntimeException e) {
                    outcomes.set(i, Outcome.failed(e));
                }
            }
        }
        return outcomes;
    }

    private List<OcrWord> read(InferenceInput input, Image image, List<double[]> boxes) {
        boolean warp = input.param("crop", settings.crop()).equals("warp");
        boolean cls = Inputs.flag(input, "use_angle_cls", settings.useAngleCls());
        // MMOCR's recog_batch_size: how many crops go to the recognizer at once
        double batch = Inputs.number(input, "recog_batch_size", IN_FLIGHT);
        if (batch < 1 || batch > 256 || batch != Math.rint(batch)) {
            throw ServingException.badRequest("recog_batch_size must be an integer from 1 to 256, got " + batch);
        }
        int window = (int) batch;
        List<double[]> kept = new ArrayList<>();
        List<Image> crops = new ArrayList<>();
        for (int idx : ReadingOrder.sort(boxes)) {
            double[] row = boxes.get(idx);
            double[] points = java.util.Arrays.copyOf(row, row.length - 1);
            Optional<Image> crop = warp ? CropExtractor.warpMinAreaRect(image, points) : CropExtractor.crop(image, points);
            if (crop.isPresent()) {
                kept.add(row);
                crops.add(crop.get());
            }
        }
        if (cls && settings.clsModel() != null) {
            crops = orient(crops, window);
        }
        List<Map<String, Object>> texts = recognize(crops, window);
        double dropScore = Inputs.number(input, "drop_score", settings.dropScore());
        List<OcrWord> words = new ArrayList<>();
        for (int i = 0; i < kept.size(); i++) {
            double[] row = kept.get(i);
            double textScore = ((Number) texts.get(i).get("score")).doubleValue();
            if (textScore < dropScore) {
                continue;
            }
            words.add(OcrWord.fromBoundary(java.util.Arrays.copyOf(row, row.length - 1), row[row.length - 1],
                    (String) texts.get(i).get("text"), textScore));
        }
        if (Inputs.flag(input, "merge", settings.merge())) {
            words = LineMerger.merge(words);
        }
        return words;
    }

    /** MMOCR ocr.py's result for one image. */
    private Map<String, Object> result(InferenceInput input, List<OcrWord> words) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("filename", input.name() != null ? input.name() : "image");
        if (Inputs.flag(input, "details", settings.details())) {
            out.put("result", words.stream().map(OcrPipelineHandler::wordJson).toList());
        } else {
            out.put("text", words.stream().map(OcrWord::text).toList());
        }
        return out;
    }

    /** The image with every word's box and text drawn on it, as PNG. */
    private static InferenceOutput visualize(Image image, List<OcrWord> words) {
        Image drawn = Visualizer.draw(image, words.stream().map(OcrWord::box).toList(),
                words.stream().map(OcrWord::text).toList());
        return InferenceOutput.binary(ImageCodec.encodePng(drawn), "image/png");
    }

    /** Rotates crops the direction classifier calls upside down (PaddleOCR: label 180 with score > cls_thresh). */
    private List<Image> orient(List<Image> crops, int window) {
        List<InferenceOutput> labels = runAll(settings.clsModel(), crops, identity(crops.size()), window);
        List<Image> out = new ArrayList<>(crops.size());
        for (int i = 0; i < crops.size(); i++) {
            Map<?, ?> r = (Map<?, ?>) labels.get(i).json();
            boolean flipped = "180".equals(r.get("label")) && ((Number) r.get("score")).doubleValue() > settings.clsThresh();
            out.add(flipped ? ImageOps.rotate(crops.get(i), 180) : crops.get(i));
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> recognize(List<Image> crops, int window) {
        List<Integer> order = identity(crops.size());
        order.sort(Comparator.comparingDouble(i -> crops.get(i).width() / (double) crops.get(i).height()));
        return runAll(settings.recModel(), crops, order, window).stream()
                .map(o -> (Map<String, Object>) o.json()).toList();
    }

    /**
     * Sends crops to a model in {@code order}, at most {@code window} at a time: a dense page has hundreds of
     * words, which must not flood the model's bounded queue (other callers would get 503s). Answers come back in
     * the crops' own order.
     */
    private List<InferenceOutput> runAll(String model, List<Image> crops, List<Integer> order, int window) {
        InferenceOutput[] out = new InferenceOutput[crops.size()];
        for (int start = 0; start < order.size(); start += window) {
            List<Integer> part = order.subList(start, Math.min(order.size(), start + window));
            List<InferenceInput> inputs = new ArrayList<>(part.size());
            for (int i : part) {
                inputs.add(InferenceInput.decoded(crops.get(i), Map.of()));
            }
            List<CompletableFuture<InferenceOutput>> futures = models.submitAll(model, null, inputs);
            for (int k = 0; k < part.size(); k++) {
                out[part.get(k)] = await(futures.get(k));
            }
        }
        return java.util.Arrays.asList(out);
    }

    private static List<Integer> identity(int n) {
        List<Integer> order = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            order.add(i);
        }
        return order;
    }

    private static Map<String, Object> wordJson(OcrWord w) {
        Map<String, Object> m = new LinkedHashMap<>();
        List<Integer> box = new ArrayList<>();
        for (double v : w.box()) {
            box.add((int) v);
        }
        m.put("box", box);
        if (!Double.isNaN(w.boxScore())) {
            m.put("box_score", w.boxScore());
        }
        m.put("text", w.text());
        if (!Double.isNaN(w.textScore())) {
            m.put("text_score", w.textScore());
        }
        return m;
    }

    private static Map<String, List<String>> detParams(InferenceInput input) {
        Map<String, List<String>> p = new LinkedHashMap<>();
        input.params().forEach((k, v) -> {
            if (TextDetHandler.REQUEST_PARAMS.contains(k)) {
                p.put(k, v);
            }
        });
        return p;
    }

    @SuppressWarnings("unchecked")
    private static List<double[]> boundaries(InferenceOutput det) {
        return (List<double[]>) ((Map<String, Object>) det.json()).get("boundary_result");
    }

    private static InferenceOutput await(CompletableFuture<InferenceOutput> f) {
        try {
            return f.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new ServingException(ServingException.Reason.INTERNAL, e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        // registered models have their own workers; embedded ones belong to this handler
        if (models instanceof EmbeddedModels embedded) {
            embedded.close();
        }
    }
}
