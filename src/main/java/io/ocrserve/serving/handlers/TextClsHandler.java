package io.ocrserve.serving.handlers;

import io.ocrserve.engine.EngineSession;
import io.ocrserve.ocr.FloatTensor;
import io.ocrserve.ocr.image.Image;
import io.ocrserve.ocr.rec.RecInput;
import io.ocrserve.ocr.rec.RecPreprocessConfig;
import io.ocrserve.ocr.rec.RecPreprocessor;
import io.ocrserve.serving.Handler;
import io.ocrserve.serving.InferenceInput;
import io.ocrserve.serving.InferenceOutput;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * textcls: PaddleOCR's text direction classifier (0 or 180 degrees). Crops are resized to height 48 keeping
 * the ratio up to width 192, right-padded, (x/255 - 0.5)/0.5: {@code {"label": "0"|"180", "score": s}}.
 */
final class TextClsHandler implements Handler {
    private final EngineSession session;
    private final RecPreprocessor preprocessor;
    private final List<String> labels;
    private final long maxPixels;

    TextClsHandler(EngineSession session, int height, int width, List<String> labels, long maxPixels) {
        this.session = session;
        // PaddleOCR ClsResizeImg: keep the ratio at height 48, cap the width at 192, right-pad. (PaddleOCR pads
        // after normalizing, ResizeOCR before: the padded strip is -1 instead of 0, which the classifier ignores.)
        this.preprocessor = new RecPreprocessor(new RecPreprocessConfig(RecPreprocessConfig.Color.BGR,
                RecPreprocessConfig.Resize.KEEP_RATIO, height, 1, width, 1, new double[] {0.5}, new double[] {0.5},
                true));
        this.labels = labels;
        this.maxPixels = maxPixels;
    }

    @Override
    public List<Outcome> handle(List<InferenceInput> batch) {
        List<Outcome> outcomes = new ArrayList<>(batch.size());
        List<RecInput> inputs = new ArrayList<>();
        for (InferenceInput input : batch) {
            try {
                Image image = Inputs.image(input, maxPixels);
                inputs.add(preprocessor.preprocess(image));
                outcomes.add(null);
            } catch (RuntimeException e) {
                outcomes.add(Outcome.failed(e));
            }
        }
        if (inputs.isEmpty()) {
            return outcomes;
        }
        FloatTensor out = session.run(List.of(RecPreprocessor.stack(inputs))).get(0);
        int classes = out.dim(1);
        int k = 0;
        for (int i = 0; i < outcomes.size(); i++) {
            if (outcomes.get(i) != null) {
                continue;
            }
            int best = 0;
            for (int c = 1; c < classes; c++) {
                if (out.data()[k * classes + c] > out.data()[k * classes + best]) {
                    best = c;
                }
            }
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("label", best < labels.size() ? labels.get(best) : Integer.toString(best));
            json.put("score", (double) out.data()[k * classes + best]);
            outcomes.set(i, Outcome.ok(InferenceOutput.json(json)));
            k++;
        }
        return outcomes;
    }

    @Override
    public void close() {
        session.close();
    }
}
