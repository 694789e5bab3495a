package io.ocrserve.cli;

import java.io.IOException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ocrserve jobs}: list, show, follow the log of, and cancel the server's jobs. */
@Command(name = "jobs", mixinStandardHelpOptions = true,
        description = "The jobs of a running server (list, get, logs, cancel); 'ocrserve eval' submits one.")
public final class JobsCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                "a subcommand is required: list, get, logs or cancel");
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List jobs, newest first.")
    int list(@Mixin ModelsCommand.Connection c,
            @Option(names = "--state", paramLabel = "S", description = "queued, running, succeeded, failed or cancelled.") String state,
            @Option(names = "--limit", defaultValue = "100", paramLabel = "N") int limit) throws IOException, InterruptedException {
        return answer(c.client().get("/jobs" + ApiClient.query(ApiClient.params("state", state, "limit", limit))));
    }

    @Command(name = "get", mixinStandardHelpOptions = true, description = "Show one job (state, progress, metrics, error).")
    int get(@Mixin ModelsCommand.Connection c, @Parameters(paramLabel = "ID") String id) throws IOException, InterruptedException {
        return answer(c.client().get("/jobs/" + ApiClient.segment(id)));
    }

    @Command(name = "logs", mixinStandardHelpOptions = true, description = "Print a job's log.")
    int logs(@Mixin ModelsCommand.Connection c, @Parameters(paramLabel = "ID") String id,
            @Option(names = "--since", defaultValue = "0", paramLabel = "OFFSET", description = "Byte offset to start at.") long since)
            throws IOException, InterruptedException {
        ApiClient.Reply r = c.client().get("/jobs/" + ApiClient.segment(id) + "/logs?since=" + since);
        if (!r.ok()) {
            return fail(r);
        }
        spec.commandLine().getOut().print(r.body());
        spec.commandLine().getOut().flush();
        return Main.OK;
    }

    @Command(name = "cancel", mixinStandardHelpOptions = true, description = "Cancel a queued or running job.")
    int cancel(@Mixin ModelsCommand.Connection c, @Parameters(paramLabel = "ID") String id) throws IOException, InterruptedException {
        return answer(c.client().send("DELETE", "/jobs/" + ApiClient.segment(id)));
    }

    private int answer(ApiClient.Reply r) throws IOException {
        if (!r.ok()) {
            return fail(r);
        }
        spec.commandLine().getOut().println(ApiClient.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(r.json()));
        return Main.OK;
    }

    private int fail(ApiClient.Reply r) {
        spec.commandLine().getErr().println("ocrserve jobs: HTTP " + r.status() + ": " + r.message());
        return Main.FAILED;
    }
}
