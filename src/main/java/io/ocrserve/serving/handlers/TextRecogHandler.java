package io.ocrserve.serving.handlers;

import io.ocrserve.engine.EngineSession;
import io.ocrserve.ocr.FloatTensor;
import io.ocrserve.ocr.image.Image;
import io.ocrserve.ocr.rec.RecDecoder;
import io.ocrserve.ocr.rec.RecInput;
import io.ocrserve.ocr.rec.RecPreprocessor;
import io.ocrserve.ocr.rec.RecResult;
import io.ocrserve.ocr.rec.RotationTta;
import io.ocrserve.serving.Handler;
import io.ocrserve.serving.InferenceInput;
import io.ocrserve.serving.InferenceOutput;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * textrecog: the configured preprocessing, one engine call per batch (inputs padded to the widest), the label
 * convertor, optional test-time rotation of tall crops: {@code {"text": ..., "score": ...}}.
 */
final class TextRecogHandler implements Handler {
    private final EngineSession session;
    private final RecPreprocessor preprocessor;
    private final RecDecoder decoder;
    private final boolean rotateTall;
    private final long maxPixels;

    TextRecogHandler(EngineSession session, RecPreprocessor preprocessor, RecDecoder decoder, boolean rotateTall,
            long maxPixels) {
        this.session = session;
        this.preprocessor = preprocessor;
        this.decoder = decoder;
        this.rotateTall = rotateTall;
        this.maxPixels = maxPixels;
    }

    @Override
    public List<Outcome> handle(List<InferenceInput> batch) {
        List<Outcome> outcomes = new ArrayList<>(batch.size());
        List<Image> candidates = new ArrayList<>();
        List<int[]> ranges = new ArrayList<>(); // per ok input: [first candidate, count]
        for (InferenceInput input : batch) {
            try {
                Image image = Inputs.image(input, maxPixels);
                boolean tta = Inputs.flag(input, "test_time_rotation", rotateTall);
                List<Image> variants = tta ? RotationTta.candidates(image) : List.of(image);
                ranges.add(new int[] {candidates.size(), variants.size()});
                candidates.addAll(variants);
                outcomes.add(null);
            } catch (RuntimeException e) {
                outcomes.add(Outcome.failed(e));
            }
        }
        List<RecResult> results = candidates.isEmpty() ? List.of() : recognize(candidates);
        int k = 0;
        for (int i = 0; i < outcomes.size(); i++) {
            if (outcomes.get(i) != null) {
                continue;
            }
            int[] r = ranges.get(k++);
            RecResult best = r[1] == 1 ? results.get(r[0]) : RotationTta.select(results.subList(r[0], r[0] + r[1]));
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("text", best.text());
            json.put("score", best.score());
            outcomes.set(i, Outcome.ok(InferenceOutput.json(json)));
        }
        return outcomes;
    }

    /** Recognizes crops in one engine call. */
    List<RecResult> recognize(List<Image> crops) {
        List<RecInput> inputs = preprocessor.preprocessBatch(crops);
        FloatTensor x = RecPreprocessor.stack(inputs);
        FloatTensor out = session.run(List.of(x)).get(0);
        double[] valid = new double[inputs.size()];
        for (int i = 0; i < valid.length; i++) {
            valid[i] = inputs.get(i).validRatio();
        }
        return decoder.decodeBatch(out, valid);
    }

    @Override
    public void close() {
        session.close();
    }
}
