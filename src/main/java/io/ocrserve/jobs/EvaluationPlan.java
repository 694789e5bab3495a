package io.ocrserve.jobs;

import io.ocrserve.eval.datasets.DatasetReaders;
import io.ocrserve.eval.metrics.E2eSpotting;
import io.ocrserve.eval.metrics.HmeanIc13;
import io.ocrserve.eval.metrics.HmeanIou;
import io.ocrserve.eval.metrics.RecogMetrics;
import io.ocrserve.eval.metrics.SweepConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A checked evaluation request: the model's task, resolved dataset paths, the metrics to compute and the
 * detection score sweep. {@link #of} refuses what cannot work (bad request) before a job is created.
 */
public record EvaluationPlan(String model, String version, String task, String format, Path annotations,
        Path images, List<String> metrics, SweepConfig sweep) {
    static final String ACC = "acc";
    static final List<String> DET_METRICS = List.of(HmeanIou.METRIC, HmeanIc13.METRIC);
    static final List<String> REC_METRICS = List.of(RecogMetrics.WORD_ACC, RecogMetrics.WORD_ACC_IGNORE_CASE,
            RecogMetrics.WORD_ACC_IGNORE_CASE_SYMBOL, RecogMetrics.CHAR_RECALL, RecogMetrics.CHAR_PRECISION,
            RecogMetrics.ONE_MINUS_NED);
    static final List<String> E2E_METRICS = List.of(E2eSpotting.METRIC, HmeanIou.METRIC, HmeanIc13.METRIC);
    private static final Set<String> OPTIONS = Set.of("min_score_thr", "max_score_thr", "step");

    /**
     * @param task the model's task (textdet, textrecog, ocr), looked up by the caller
     * @param root where the dataset paths resolve
     */
    static EvaluationPlan of(JobRequest r, String task, DataRoot root) {
        JobRequest.DatasetSpec d = r.dataset();
        if (d == null) {
            throw JobException.badRequest("'dataset' is required: {\"format\", \"annotations\", \"images\"}");
        }
        String format = d.format();
        boolean det = DatasetReaders.DET_FORMATS.contains(format);
        boolean rec = DatasetReaders.REC_FORMATS.contains(format);
        if (!det && !rec) {
            throw JobException.badRequest("unknown dataset format '" + format + "'; known: "
                    + DatasetReaders.DET_FORMATS + " (detection), " + DatasetReaders.REC_FORMATS + " (recognition)");
        }
        List<String> known = switch (task) {
            case "textdet" -> DET_METRICS;
            case "textrecog" -> REC_METRICS;
            case "ocr" -> E2E_METRICS;
            default -> throw JobException.badRequest("model " + r.model() + " is a " + task
                    + " model; evaluation supports textdet, textrecog and ocr models");
        };
        if (task.equals("textrecog") ? !rec : !det) {
            throw JobException.badRequest("a " + task + " model is evaluated on a "
                    + (task.equals("textrecog") ? "recognition format " + DatasetReaders.REC_FORMATS
                    : "detection format " + DatasetReaders.DET_FORMATS) + ", not '" + format + "'");
        }
        Path annotations = root.resolve("dataset.annotations", d.annotations());
        Path images = d.images() == null && format.equals("lmdb") ? null : root.resolve("dataset.images", d.images());
        return new EvaluationPlan(r.modelName(), r.modelVersion(), task, format, annotations, images,
                metrics(r.metrics(), task, known), sweep(r.options()));
    }

    private static List<String> metrics(List<String> asked, String task, List<String> known) {
        if (asked.isEmpty()) {
            return switch (task) {
                case "textdet" -> List.of(HmeanIou.METRIC);
                case "textrecog" -> REC_METRICS;
                default -> List.of(E2eSpotting.METRIC, HmeanIou.METRIC);
            };
        }
        List<String> out = new ArrayList<>();
        for (String m : asked) {
            if (task.equals("textrecog") && ACC.equals(m)) {
                REC_METRICS.stream().filter(x -> !out.contains(x)).forEach(out::add);
            } else if (known.contains(m)) {
                if (!out.contains(m)) {
                    out.add(m);
                }
            } else {
                throw JobException.badRequest("unknown metric '" + m + "' for a " + task + " model; known: " + known
                        + (task.equals("textrecog") ? " or 'acc' (all)" : ""));
            }
        }
        return out;
    }

    private static SweepConfig sweep(Map<String, Object> options) {
        for (String k : options.keySet()) {
            if (!OPTIONS.contains(k)) {
                throw JobException.badRequest("unknown option '" + k + "'; known: " + OPTIONS);
            }
        }
        SweepConfig def = SweepConfig.DEFAULT;
        try {
            return new SweepConfig(number(options, "min_score_thr", def.minScoreThr()),
                    number(options, "max_score_thr", def.maxScoreThr()), number(options, "step", def.step()));
        } catch (IllegalArgumentException e) {
            throw JobException.badRequest("options: " + e.getMessage());
        }
    }

    private static double number(Map<String, Object> options, String key, double fallback) {
        Object v = options.get(key);
        if (v == null) {
            return fallback;
        }
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        try {
            return Double.parseDouble(v.toString());
        } catch (NumberFormatException e) {
            throw JobException.badRequest("option " + key + " must be a number, got '" + v + "'");
        }
    }
}
