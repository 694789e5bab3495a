package io.ocrserve.jobs;

import io.ocrserve.eval.PredInstance;
import io.ocrserve.serving.InferenceOutput;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Handler answers (textdet, textrecog, ocr) as the prediction values the metrics take, and back to JSON. */
final class Predictions {
    private Predictions() {}

    /** textdet: {@code {"boundary_result": [[x1, y1, ..., score], ...]}}. */
    static List<PredInstance> boundaries(InferenceOutput o) {
        List<PredInstance> out = new ArrayList<>();
        for (Object row : list(map(o).get("boundary_result"), "boundary_result")) {
            out.add(PredInstance.fromBoundary(doubles(row)));
        }
        return out;
    }

    /** ocr (details): {@code {"result": [{"box": [...], "box_score": s, "text": t}, ...]}}. */
    static List<PredInstance> words(InferenceOutput o) {
        List<PredInstance> out = new ArrayList<>();
        for (Object w : list(map(o).get("result"), "result")) {
            Map<?, ?> word = (Map<?, ?>) w;
            Object score = word.get("box_score");
            out.add(new PredInstance(doubles(word.get("box")), score instanceof Number n ? n.doubleValue() : 1.0,
                    word.get("text") == null ? null : word.get("text").toString()));
        }
        return out;
    }

    /** textrecog: {@code {"text": t, "score": s}}. */
    static String text(InferenceOutput o) {
        Object t = map(o).get("text");
        return t == null ? "" : t.toString();
    }

    static Map<String, Object> detJson(String file, List<PredInstance> preds) {
        List<Map<String, Object>> items = new ArrayList<>();
        for (PredInstance p : preds) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("polygon", p.polygon());
            m.put("score", p.score());
            if (p.text() != null) {
                m.put("text", p.text());
            }
            items.add(m);
        }
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("file", file);
        line.put("instances", items);
        return line;
    }

    private static Map<?, ?> map(InferenceOutput o) {
        if (o == null || !o.isJson() || !(o.json() instanceof Map<?, ?> m)) {
            throw new IllegalStateException("the model answered no JSON object");
        }
        return m;
    }

    private static List<?> list(Object v, String key) {
        if (!(v instanceof List<?> l)) {
            throw new IllegalStateException("the model's answer has no '" + key + "' list");
        }
        return l;
    }

    private static double[] doubles(Object row) {
        if (row instanceof double[] d) {
            return d;
        }
        if (row instanceof List<?> l) {
            double[] d = new double[l.size()];
            for (int i = 0; i < d.length; i++) {
                d[i] = ((Number) l.get(i)).doubleValue();
            }
            return d;
        }
        throw new IllegalStateException("unexpected polygon value " + row);
    }
}
