package io.ocrserve.it;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The packaged server (target/quarkus-app) as a child process, for tests that need a real process lifecycle. */
final class ServerProcess implements AutoCloseable {
    final int inferencePort;
    final int managementPort;
    private final Process process;
    private final Path log;

    ServerProcess(int basePort, Map<String, String> properties, Path log) throws IOException {
        this(basePort, true, properties, log);
    }

    /** {@code setPorts} false: the ports come from the properties (e.g. a TorchServe config file). */
    ServerProcess(int basePort, boolean setPorts, Map<String, String> properties, Path log) throws IOException {
        this.inferencePort = basePort;
        this.managementPort = basePort + 1;
        this.log = log;
        Path jar = Path.of("target", "quarkus-app", "quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: integration tests run after mvn package");
        }
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx2g", "-Dai.djl.offline=true"));
        if (setPorts) {
            cmd.addAll(List.of("-Dquarkus.http.port=" + basePort, "-Docrserve.management.port=" + (basePort + 1),
                    "-Dquarkus.management.port=" + (basePort + 2)));
        }
        properties.forEach((k, v) -> cmd.add("-D" + k + "=" + v));
        cmd.addAll(List.of("-jar", jar.toString()));
        process = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    }

    /** Waits until /ping answers 200. */
    void awaitHealthy(Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        HttpClient client = HttpClient.newHttpClient();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("server exited with " + process.exitValue() + ": " + Files.readString(log));
            }
            try {
                HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                        + inferencePort + "/ping")).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("server not healthy within " + timeout + ": " + Files.readString(log));
    }

    /** SIGKILL: no shutdown hook runs, as when a machine or container dies. */
    void killHard() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }
}
