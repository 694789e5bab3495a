package io.ocrserve.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ocrserve ocr}: sends local images to a running server, one request each (a PUT of the raw bytes, as
 * {@code curl -T} does), and writes one JSON line per image: {@code {"file": ..., "result": ...}} or
 * {@code {"file": ..., "error": {"code": ..., "message": ...}}}.
 */
@Command(name = "ocr", mixinStandardHelpOptions = true,
        description = "OCR local images (files or folders) with a running ocrserve.",
        footer = {"", "Exit code 0 when every image succeeded, 1 when any failed, 2 for bad arguments."})
public final class OcrCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--url", defaultValue = "http://127.0.0.1:8080", paramLabel = "URL",
            description = "Inference API address. Default: ${DEFAULT-VALUE}.")
    String url;

    @Option(names = "--model", defaultValue = "ocr", paramLabel = "NAME", description = "Model to run. Default: ${DEFAULT-VALUE}.")
    String model;

    @Option(names = "--model-version", paramLabel = "V", description = "A version of the model (default: its default version).")
    String modelVersion;

    @Option(names = "--token", paramLabel = "T", defaultValue = "${env:OCRSERVE_INFERENCE_TOKEN}",
            description = "Inference token (Authorization: Bearer). Default: env OCRSERVE_INFERENCE_TOKEN.")
    String token;

    @Option(names = "--details", description = "Ask for word boxes and scores (details=true).")
    boolean details;

    @Option(names = "--merge", description = "Merge words into lines (merge=true).")
    boolean merge;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the JSON lines to FILE instead of stdout.")
    Path out;

    @Option(names = "--timeout", defaultValue = "120", paramLabel = "SECONDS", description = "Per-image timeout. Default: ${DEFAULT-VALUE}.")
    int timeoutSeconds;

    @Parameters(arity = "1..*", paramLabel = "FILE_OR_DIR", description = "Images, or folders of images (searched recursively).")
    List<Path> inputs;

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter err = spec.commandLine().getErr();
        List<Path> files = ImageFiles.expand(inputs);
        if (files.isEmpty()) {
            throw new Main.UserError("no images found in " + inputs);
        }
        ApiClient client = new ApiClient(url, token, Duration.ofSeconds(timeoutSeconds));
        String path = "/predictions/" + ApiClient.segment(model)
                + (modelVersion == null ? "" : "/" + ApiClient.segment(modelVersion))
                + ApiClient.query(ApiClient.params("details", details ? "true" : null, "merge", merge ? "true" : null));
        ProgressBar progress = files.size() > 1 ? new ProgressBar(err, files.size(), System.nanoTime()) : null;
        int failed = 0;
        try (Writer sink = out == null ? new NonClosing(spec.commandLine().getOut()) : open(out)) {
            for (int i = 0; i < files.size(); i++) {
                if (progress != null) {
                    progress.show(i, System.nanoTime());
                }
                Path file = files.get(i);
                ObjectNode line = ApiClient.JSON.createObjectNode().put("file", file.toString());
                try {
                    ApiClient.Reply reply = client.putFile(path, file);
                    if (reply.ok()) {
                        line.set("result", parse(reply.body()));
                    } else {
                        failed++;
                        line.putObject("error").put("code", reply.status()).put("message", reply.message());
                        report(progress, err, file + ": HTTP " + reply.status() + ": " + reply.message());
                    }
                } catch (ApiClient.UnreachableException e) {
                    // nothing listens: every further image would fail the same way
                    report(progress, err, e.getMessage());
                    return Main.FAILED;
                } catch (IOException e) {
                    failed++;
                    line.putObject("error").put("code", 0).put("message", Main.oneLine(e));
                    report(progress, err, file + ": " + Main.oneLine(e));
                }
                sink.write(ApiClient.JSON.writeValueAsString(line) + "\n");
                sink.flush();
            }
            if (progress != null) {
                progress.show(files.size(), System.nanoTime());
                progress.finish();
            }
        }
        if (failed > 0) {
            err.println("ocrserve ocr: " + failed + " of " + files.size() + " images failed");
        }
        return failed > 0 ? Main.FAILED : Main.OK;
    }

    private static JsonNode parse(String body) {
        try {
            return ApiClient.JSON.readTree(body);
        } catch (IOException notJson) {
            return ApiClient.JSON.getNodeFactory().textNode(body);
        }
    }

    private static void report(ProgressBar progress, PrintWriter err, String message) {
        if (progress != null) {
            progress.clear();
        }
        err.println(message);
        err.flush();
    }

    private static Writer open(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        return Files.newBufferedWriter(file, StandardCharsets.UTF_8);
    }

    /** stdout must stay open after the command. */
    private static final class NonClosing extends BufferedWriter {
        NonClosing(Writer w) {
            super(w);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
