package io.ocrserve.jobs;

import io.ocrserve.eval.GtInstance;
import io.ocrserve.eval.PredInstance;
import io.ocrserve.eval.datasets.Dataset;
import io.ocrserve.eval.datasets.DatasetReaders;
import io.ocrserve.eval.datasets.DetDataset;
import io.ocrserve.eval.datasets.DetSample;
import io.ocrserve.eval.datasets.RecDataset;
import io.ocrserve.eval.datasets.RecSample;
import io.ocrserve.eval.metrics.E2eSpotting;
import io.ocrserve.eval.metrics.HmeanIc13;
import io.ocrserve.eval.metrics.HmeanIou;
import io.ocrserve.eval.metrics.RecogMetrics;
import io.ocrserve.serving.InferenceInput;
import io.ocrserve.serving.InferenceOutput;
import io.ocrserve.serving.worker.WorkerPool;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One evaluation: read the dataset, run every image through the model's workers (many in flight, so they
 * batch), compute the metrics with {@code eval}, and write predictions.jsonl and metrics.json.
 */
final class EvaluationJob {
    private final EvaluationPlan plan;
    private final WorkerPool pool;
    private final int maxInFlight;

    EvaluationJob(EvaluationPlan plan, WorkerPool pool, int maxInFlight) {
        this.plan = plan;
        this.pool = pool;
        this.maxInFlight = maxInFlight;
    }

    /** Runs to the end and returns the metrics; throws on a dataset or inference failure, or when cancelled. */
    Map<String, Object> run(JobContext ctx) {
        ctx.log("reading " + plan.format() + " dataset " + plan.annotations());
        Dataset dataset = DatasetReaders.open(plan.format(), plan.annotations(), plan.images());
        ctx.log("dataset: " + dataset.size() + " samples" + (dataset.skipped().isEmpty() ? ""
                : ", " + dataset.skipped().size() + " annotations skipped (first: " + dataset.skipped().get(0) + ")"));
        if (dataset.size() == 0) {
            throw new IllegalStateException("the dataset has no samples");
        }
        ctx.checkCancelled();
        ctx.log("inference with model " + plan.model() + (plan.version() != null ? "/" + plan.version() : "")
                + " (" + plan.task() + "), up to " + maxInFlight + " requests in flight");
        InferenceFeeder feeder = new InferenceFeeder(pool, maxInFlight, ctx);
        Map<String, Object> metrics = dataset instanceof DetDataset det ? detection(det, feeder, ctx)
                : recognition((RecDataset) dataset, feeder, ctx);
        write(ctx.artifacts().resolve("metrics.json"), w -> w.write(
                JobStore.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(metrics)));
        metrics.forEach((k, v) -> ctx.log(k + " = " + v));
        return metrics;
    }

    private Map<String, Object> detection(DetDataset d, InferenceFeeder feeder, JobContext ctx) {
        List<DetSample> samples = d.samples();
        Map<String, List<String>> params = plan.task().equals("ocr") ? Map.of("details", List.of("true")) : Map.of();
        InferenceOutput[] out = feeder.run(samples.size(),
                i -> input(image(d.imagesDir(), samples.get(i).file()), samples.get(i).file(), params),
                i -> samples.get(i).file());
        ctx.checkCancelled();
        List<List<PredInstance>> preds = new ArrayList<>();
        for (InferenceOutput o : out) {
            preds.add(plan.task().equals("ocr") ? Predictions.words(o) : Predictions.boundaries(o));
        }
        write(ctx.artifacts().resolve("predictions.jsonl"), w -> {
            for (int i = 0; i < samples.size(); i++) {
                w.write(JobStore.JSON.writeValueAsString(Predictions.detJson(samples.get(i).file(), preds.get(i))));
                w.write('\n');
            }
        });
        ctx.log("computing " + plan.metrics());
        List<List<GtInstance>> gt = d.groundTruth();
        Map<String, Object> m = new LinkedHashMap<>();
        for (String metric : plan.metrics()) {
            switch (metric) {
                case HmeanIou.METRIC -> m.putAll(new HmeanIou(plan.sweep()).evaluate(gt, preds).toMap());
                case HmeanIc13.METRIC -> m.putAll(new HmeanIc13(plan.sweep()).evaluate(gt, preds).toMap());
                case E2eSpotting.METRIC -> m.putAll(new E2eSpotting(plan.sweep()).evaluate(gt, preds).toMap());
                default -> throw new IllegalStateException("metric " + metric + " on a detection dataset");
            }
        }
        return m;
    }

    private Map<String, Object> recognition(RecDataset d, InferenceFeeder feeder, JobContext ctx) {
        List<RecSample> samples = d.samples();
        InferenceOutput[] out = feeder.run(samples.size(), i -> {
            RecSample s = samples.get(i);
            return input(s.hasImageBytes() ? s.image() : image(d.imagesDir(), s.file()), s.file(), Map.of());
        }, i -> samples.get(i).file());
        ctx.checkCancelled();
        List<String> texts = new ArrayList<>();
        for (InferenceOutput o : out) {
            texts.add(Predictions.text(o));
        }
        write(ctx.artifacts().resolve("predictions.jsonl"), w -> {
            for (int i = 0; i < samples.size(); i++) {
                Map<String, Object> line = new LinkedHashMap<>();
                line.put("file", samples.get(i).file());
                line.put("text", texts.get(i));
                line.put("gt", samples.get(i).text());
                w.write(JobStore.JSON.writeValueAsString(line));
                w.write('\n');
            }
        });
        Map<String, Double> all = RecogMetrics.evaluate(texts, d.texts());
        Map<String, Object> m = new LinkedHashMap<>();
        plan.metrics().forEach(k -> m.put(k, all.get(k)));
        return m;
    }

    private static InferenceInput input(byte[] bytes, String name, Map<String, List<String>> params) {
        return new InferenceInput(bytes, "application/octet-stream", name, null, params);
    }

    private static byte[] image(Path dir, String file) {
        if (dir == null) {
            throw new IllegalStateException("no image folder given (dataset.images) for " + file);
        }
        Path p = dir.resolve(file);
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read image " + file + " in " + dir + ": " + e, e);
        }
    }

    private interface Body {
        void write(Writer w) throws IOException;
    }

    private static void write(Path file, Body body) {
        try {
            Files.createDirectories(file.getParent());
            try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                body.write(w);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file.getFileName(), e);
        }
    }
}
