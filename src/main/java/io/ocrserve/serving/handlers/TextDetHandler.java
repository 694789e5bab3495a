package io.ocrserve.serving.handlers;

import io.ocrserve.engine.EngineSession;
import io.ocrserve.ocr.FloatTensor;
import io.ocrserve.ocr.det.DetInput;
import io.ocrserve.ocr.det.DetPostprocessor;
import io.ocrserve.ocr.det.DetPostprocessors;
import io.ocrserve.ocr.det.DetPreprocessor;
import io.ocrserve.ocr.det.TextPolygon;
import io.ocrserve.ocr.image.Image;
import io.ocrserve.ocr.image.ImageCodec;
import io.ocrserve.ocr.image.Visualizer;
import io.ocrserve.serving.Handler;
import io.ocrserve.serving.InferenceInput;
import io.ocrserve.serving.InferenceOutput;
import io.ocrserve.serving.ServingException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * textdet: MMOCR test preprocessing, one engine call for the whole batch, the configured postprocessor per
 * image, polygons mapped back to original pixels: {@code {"boundary_result": [[x1, y1, ..., score], ...]}}, or
 * with {@code visualize=true} the image with the polygons drawn, as PNG.
 */
final class TextDetHandler implements Handler {
    /** Postprocessor parameters a request may override with query parameters. */
    static final Set<String> REQUEST_PARAMS = Set.of("text_repr_type", "mask_thr", "min_text_score",
            "min_text_width", "unclip_ratio", "epsilon_ratio", "max_candidates", "min_text_confidence",
            "min_kernel_confidence", "min_text_avg_confidence", "min_text_area", "min_kernel_area", "score_thr",
            "nms_thr", "alpha", "beta", "min_text_region_confidence", "min_center_region_confidence");

    private final EngineSession session;
    private final DetPreprocessor preprocessor;
    private final String postType;
    private final Map<String, Object> postParams;
    private final DetPostprocessor postprocessor;
    private final long maxPixels;

    TextDetHandler(EngineSession session, DetPreprocessor preprocessor, String postType, Map<String, Object> postParams,
            long maxPixels) {
        this.session = session;
        this.preprocessor = preprocessor;
        this.postType = postType;
        this.postParams = postParams;
        this.postprocessor = DetPostprocessors.create(postType, postParams);
        this.maxPixels = maxPixels;
    }

    /** Detection result of one image, in original pixels. */
    record Detections(Image image, List<TextPolygon> polygons) {}

    @Override
    public List<Outcome> handle(List<InferenceInput> batch) {
        List<Outcome> outcomes = new ArrayList<>();
        List<Detections> found = detect(batch, outcomes);
        List<Outcome> result = new ArrayList<>(batch.size());
        int k = 0;
        for (int i = 0; i < batch.size(); i++) {
            Outcome o = outcomes.get(i);
            result.add(o != null ? o : answer(batch.get(i), found.get(k++)));
        }
        return result;
    }

    private static Outcome answer(InferenceInput input, Detections d) {
        try {
            return Outcome.ok(boundaries(input, d.image(), d.polygons()));
        } catch (RuntimeException e) {
            return Outcome.failed(e);
        }
    }

    /**
     * Every detector's answer: {@code {"boundary_result": ...}}, or with {@code visualize=true} the image with the
     * polygons drawn (PNG).
     */
    static InferenceOutput boundaries(InferenceInput input, Image image, List<TextPolygon> polygons) {
        if (Inputs.flag(input, "visualize", false)) {
            List<double[]> points = polygons.stream().map(TextPolygon::points).toList();
            return InferenceOutput.binary(ImageCodec.encodePng(Visualizer.draw(image, points, null)), "image/png");
        }
        return InferenceOutput.json(Map.of("boundary_result", polygons.stream().map(TextPolygon::toBoundary).toList()));
    }

    /**
     * Runs detection; {@code outcomes} gets one entry per input: null where detection succeeded (in order in
     * the returned list), or the input's failure.
     */
    List<Detections> detect(List<InferenceInput> batch, List<Outcome> outcomes) {
        List<DetInput> prepared = new ArrayList<>();
        List<Image> images = new ArrayList<>();
        List<DetPostprocessor> posts = new ArrayList<>();
        for (InferenceInput input : batch) {
            try {
                DetPostprocessor post = postprocessorFor(input);
                Image image = Inputs.image(input, maxPixels);
                prepared.add(preprocessor.preprocess(image));
                images.add(image);
                posts.add(post);
                outcomes.add(null);
            } catch (RuntimeException e) {
                outcomes.add(Outcome.failed(e));
            }
        }
        if (prepared.isEmpty()) {
            return List.of();
        }
        FloatTensor x = DetPreprocessor.stack(prepared);
        FloatTensor out = session.run(List.of(x)).get(0);
        List<Detections> result = new ArrayList<>(prepared.size());
        for (int i = 0; i < prepared.size(); i++) {
            DetInput d = prepared.get(i);
            FloatTensor maps = cropToInput(out.slice(i), d.height(), d.width(), x.dim(2));
            List<TextPolygon> polys = new ArrayList<>();
            for (TextPolygon p : posts.get(i).process(maps)) {
                polys.add(p.rescale(d.scaleX(), d.scaleY()));
            }
            result.add(new Detections(images.get(i), polys));
        }
        return result;
    }

    private DetPostprocessor postprocessorFor(InferenceInput input) {
        Map<String, Object> overrides = new LinkedHashMap<>();
        for (String key : input.params().keySet()) {
            if (REQUEST_PARAMS.contains(key)) {
                String v = input.param(key, "");
                overrides.put(key, key.equals("text_repr_type") ? v : parseNumber(key, v));
            }
        }
        if (overrides.isEmpty()) {
            return postprocessor;
        }
        Map<String, Object> merged = new LinkedHashMap<>(postParams);
        merged.putAll(overrides);
        try {
            return DetPostprocessors.create(postType, merged);
        } catch (IllegalArgumentException e) {
            throw ServingException.badRequest("bad postprocessing parameter for " + postType + ": " + e.getMessage());
        }
    }

    private static Object parseNumber(String key, String v) {
        try {
            double d = Double.parseDouble(v.trim());
            return d == Math.rint(d) && !v.contains(".") ? (Object) (int) d : (Object) d;
        } catch (NumberFormatException e) {
            throw ServingException.badRequest("Invalid value for parameter " + key + ": '" + v + "' is not a number");
        }
    }

    /**
     * One image's maps cut to its own (padded) input size: a batch is padded to its largest image, and maps may
     * be smaller than the input (PAN/PSE: 1/4).
     */
    static FloatTensor cropToInput(FloatTensor maps, int inputH, int inputW, int batchH) {
        boolean chw = maps.rank() == 3;
        int c = chw ? maps.dim(0) : 1;
        int mh = maps.dim(chw ? 1 : 0);
        int mw = maps.dim(chw ? 2 : 1);
        double ratio = (double) mh / batchH;
        int h = Math.min(mh, (int) Math.ceil(inputH * ratio));
        int w = Math.min(mw, (int) Math.ceil(inputW * ratio));
        if (h == mh && w == mw) {
            return maps;
        }
        float[] out = new float[c * h * w];
        float[] src = maps.data();
        for (int ch = 0; ch < c; ch++) {
            for (int y = 0; y < h; y++) {
                System.arraycopy(src, (ch * mh + y) * mw, out, (ch * h + y) * w, w);
            }
        }
        return new FloatTensor(chw ? new long[] {c, h, w} : new long[] {h, w}, out);
    }

    @Override
    public void close() {
        session.close();
    }
}
