package io.ocrserve.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ocrserve models}: a thin client of the management API; prints the server's JSON answers. */
@Command(name = "models", mixinStandardHelpOptions = true,
        description = "Manage the models of a running server (list, describe, register, unregister, scale).")
public final class ModelsCommand implements Runnable {

    /** Where the management API is, and its token; accepted after every subcommand. */
    static final class Connection {
        @Option(names = "--management-url", defaultValue = "http://127.0.0.1:8081", paramLabel = "URL",
                description = "Management API address. Default: ${DEFAULT-VALUE}.")
        String url;

        @Option(names = "--token", paramLabel = "T", defaultValue = "${env:OCRSERVE_MANAGEMENT_TOKEN}",
                description = "Management token (Authorization: Bearer). Default: env OCRSERVE_MANAGEMENT_TOKEN.")
        String token;

        @Option(names = "--timeout", defaultValue = "300", paramLabel = "SECONDS",
                description = "Request timeout (registration waits for the workers). Default: ${DEFAULT-VALUE}.")
        int timeoutSeconds;

        ApiClient client() {
            return new ApiClient(url, token, Duration.ofSeconds(timeoutSeconds));
        }
    }

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                "a subcommand is required: list, describe, register, unregister, scale or set-default");
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "List the registered models (every page).")
    int list(@Mixin Connection c) throws IOException, InterruptedException {
        ApiClient client = c.client();
        ArrayNode all = ApiClient.JSON.createArrayNode();
        String token = null;
        do {
            ApiClient.Reply r = client.get("/models" + ApiClient.query(ApiClient.params("limit", 100, "next_page_token", token)));
            if (!r.ok()) {
                return fail(r);
            }
            JsonNode page = r.json();
            page.path("models").forEach(all::add);
            token = page.hasNonNull("nextPageToken") ? page.get("nextPageToken").asText() : null;
        } while (token != null);
        ObjectNode result = ApiClient.JSON.createObjectNode();
        result.set("models", all);
        return print(result);
    }

    @Command(name = "describe", mixinStandardHelpOptions = true,
            description = "Describe a model's default version, one VERSION, or 'all' versions.")
    int describe(@Mixin Connection c, @Parameters(paramLabel = "NAME") String name,
            @Parameters(paramLabel = "VERSION", arity = "0..1") String version) throws IOException, InterruptedException {
        return answer(c.client().get(modelPath(name, version)));
    }

    @Command(name = "register", mixinStandardHelpOptions = true,
            description = "Register an archive: a file name in the model store, or an allowed URL.")
    int register(@Mixin Connection c, @Parameters(paramLabel = "URL") String url,
            @Option(names = "--model-name", paramLabel = "NAME", description = "Name to register under (default: the manifest's).") String name,
            @Option(names = "--initial-workers", paramLabel = "N") Integer workers,
            @Option(names = "--batch-size", paramLabel = "N") Integer batchSize,
            @Option(names = "--max-batch-delay", paramLabel = "MS") Integer maxBatchDelay,
            @Option(names = "--async", description = "Return at once (202) instead of waiting for the workers.") boolean async)
            throws IOException, InterruptedException {
        String q = ApiClient.query(ApiClient.params("url", url, "model_name", name, "initial_workers", workers,
                "batch_size", batchSize, "max_batch_delay", maxBatchDelay, "synchronous", !async));
        return answer(c.client().send("POST", "/models" + q));
    }

    @Command(name = "unregister", mixinStandardHelpOptions = true,
            description = "Unregister a model's default version, or one VERSION.")
    int unregister(@Mixin Connection c, @Parameters(paramLabel = "NAME") String name,
            @Parameters(paramLabel = "VERSION", arity = "0..1") String version) throws IOException, InterruptedException {
        return answer(c.client().send("DELETE", modelPath(name, version)));
    }

    @Command(name = "scale", mixinStandardHelpOptions = true,
            description = "Set the number of workers of a model (default version, or VERSION).")
    int scale(@Mixin Connection c, @Parameters(paramLabel = "NAME") String name,
            @Parameters(paramLabel = "VERSION", arity = "0..1") String version,
            @Option(names = "--min", required = true, paramLabel = "N", description = "Minimum workers.") int min,
            @Option(names = "--max", paramLabel = "N", description = "Maximum workers.") Integer max,
            @Option(names = "--async", description = "Return at once (202) instead of waiting.") boolean async)
            throws IOException, InterruptedException {
        String q = ApiClient.query(ApiClient.params("min_worker", min, "max_worker", max, "synchronous", !async));
        return answer(c.client().send("PUT", modelPath(name, version) + q));
    }

    @Command(name = "set-default", mixinStandardHelpOptions = true,
            description = "Make VERSION the default version of a model.")
    int setDefault(@Mixin Connection c, @Parameters(paramLabel = "NAME") String name,
            @Parameters(paramLabel = "VERSION") String version) throws IOException, InterruptedException {
        return answer(c.client().send("PUT", modelPath(name, version) + "/set-default"));
    }

    private static String modelPath(String name, String version) {
        return "/models/" + ApiClient.segment(name) + (version == null ? "" : "/" + ApiClient.segment(version));
    }

    private int answer(ApiClient.Reply r) throws IOException {
        if (!r.ok()) {
            return fail(r);
        }
        try {
            return print(r.json());
        } catch (IOException notJson) {
            spec.commandLine().getOut().println(r.body());
            return Main.OK;
        }
    }

    private int print(JsonNode json) throws IOException {
        spec.commandLine().getOut().println(ApiClient.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(json));
        return Main.OK;
    }

    private int fail(ApiClient.Reply r) {
        spec.commandLine().getErr().println("ocrserve models: HTTP " + r.status() + ": " + r.message());
        return Main.FAILED;
    }
}
