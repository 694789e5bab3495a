package io.ocrserve.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ocrserve eval}: submits an evaluation job to a running server (POST /jobs), shows its progress and
 * prints the metric table. Dataset paths are on the server, relative to its data root.
 */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Evaluate a registered model on a dataset on the server (an evaluation job).")
public final class EvalCommand implements java.util.concurrent.Callable<Integer> {
    @Mixin
    ModelsCommand.Connection connection;

    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "NAME[/VERSION]", description = "The model to evaluate.")
    String model;

    @Option(names = "--dataset", required = true, paramLabel = "PATH",
            description = "Annotation file (or gt folder for icdar_txt, LMDB folder for lmdb), relative to the server's data root.")
    String dataset;

    @Option(names = "--format", required = true, paramLabel = "FORMAT",
            description = "icdar_coco, textdet_jsonl, icdar_txt, ocr_txt, ocr_jsonl or lmdb.")
    String format;

    @Option(names = "--images", paramLabel = "DIR", description = "Image folder, relative to the data root.")
    String images;

    @Option(names = "--metrics", split = ",", paramLabel = "M", description = "Metrics (default: the model task's).")
    List<String> metrics;

    @Option(names = "--option", paramLabel = "KEY=VALUE", description = "min_score_thr, max_score_thr, step.")
    Map<String, Double> options;

    @Option(names = "--poll", defaultValue = "500", paramLabel = "MS", description = "Poll interval. Default: ${DEFAULT-VALUE}.")
    long pollMillis;

    @Option(names = "--no-wait", description = "Print the job and return at once.")
    boolean noWait;

    @Override
    public Integer call() throws IOException, InterruptedException {
        ApiClient client = connection.client();
        ObjectNode body = ApiClient.JSON.createObjectNode().put("type", "evaluate").put("model", model);
        ObjectNode d = body.putObject("dataset").put("format", format).put("annotations", dataset);
        if (images != null) {
            d.put("images", images);
        }
        if (metrics != null) {
            metrics.forEach(body.putArray("metrics")::add);
        }
        if (options != null) {
            ObjectNode o = body.putObject("options");
            options.forEach(o::put);
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ApiClient.Reply r = client.postJson("/jobs", body.toString());
        if (!r.ok()) {
            err.println("ocrserve eval: HTTP " + r.status() + ": " + r.message());
            return Main.FAILED;
        }
        String id = r.json().path("id").asText();
        if (noWait) {
            out.println(ApiClient.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(r.json()));
            return Main.OK;
        }
        err.println("job " + id + " submitted");
        JsonNode job = follow(client, id, err);
        String state = job.path("state").asText();
        if (!state.equals("succeeded")) {
            err.println("ocrserve eval: job " + id + " " + state + ": " + job.path("error").asText(""));
            return Main.FAILED;
        }
        out.print(table(job.path("metrics")));
        out.flush();
        return Main.OK;
    }

    private JsonNode follow(ApiClient client, String id, PrintWriter err) throws IOException, InterruptedException {
        int last = 0;
        while (true) {
            ApiClient.Reply r = client.get("/jobs/" + ApiClient.segment(id));
            if (!r.ok()) {
                throw new IOException("cannot follow job " + id + ": HTTP " + r.status() + ": " + r.message());
            }
            JsonNode job = r.json();
            String line = bar(job.path("state").asText(), job.path("progress").asDouble(),
                    job.hasNonNull("eta_seconds") ? job.get("eta_seconds").asLong() : -1);
            err.print("\r" + line + " ".repeat(Math.max(0, last - line.length())));
            err.flush();
            last = line.length();
            String state = job.path("state").asText();
            if (state.equals("succeeded") || state.equals("failed") || state.equals("cancelled")) {
                err.println();
                err.flush();
                return job;
            }
            Thread.sleep(pollMillis);
        }
    }

    /** {@code [#########...........]  45% running, ETA 12s}; a pure function. */
    static String bar(String state, double progress, long etaSeconds) {
        int width = ProgressBar.WIDTH;
        int filled = (int) Math.max(0, Math.min(width, Math.floor(progress * width)));
        String s = "[" + "#".repeat(filled) + ".".repeat(width - filled) + "] "
                + String.format(Locale.ROOT, "%3d%% %s", Math.round(progress * 100), state);
        return etaSeconds >= 0 && state.equals("running") ? s + ", ETA " + ProgressBar.duration(etaSeconds) : s;
    }

    /** The metrics as a two-column table, values to 4 decimals. */
    static String table(JsonNode metrics) {
        int w = 6;
        for (var it = metrics.fieldNames(); it.hasNext(); ) {
            w = Math.max(w, it.next().length());
        }
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "%-" + w + "s  %s%n", "metric", "value"));
        s.append("-".repeat(w)).append("  ------\n");
        int width = w;
        metrics.fields().forEachRemaining(e -> s.append(String.format(Locale.ROOT, "%-" + width + "s  %.4f%n",
                e.getKey(), e.getValue().asDouble())));
        return s.toString();
    }
}
