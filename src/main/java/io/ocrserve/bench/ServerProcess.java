package io.ocrserve.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The packaged server (target/quarkus-app) as a child process, for the benchmark and the integration tests; its
 * output is appended to a log file. {@link #close()} stops it (SIGTERM, then kill), {@link #killHard()} kills it
 * like a dying machine would, and a shutdown hook stops it if the caller itself is interrupted.
 */
public final class ServerProcess implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Process process;
    private final Thread hook;
    private final Path log;
    public final int inferencePort;
    public final int managementPort;
    final URI base;
    final URI management;

    private ServerProcess(Process process, Path log, int port, int managementPort) {
        this.process = process;
        this.log = log;
        this.inferencePort = port;
        this.managementPort = managementPort;
        this.base = URI.create("http://127.0.0.1:" + port);
        this.management = URI.create("http://127.0.0.1:" + managementPort);
        this.hook = new Thread(process::destroyForcibly, "bench-server-stop");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /**
     * Starts {@code java <options> -jar jar}; {@code options} set everything, including the listeners (see
     * {@link #portOptions}) unless a config file does; the two ports say where the caller will find them.
     */
    public static ServerProcess start(Path jar, int inferencePort, int managementPort, List<String> options,
            Path log) throws IOException {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " not found: build first (mvn package -DskipTests)");
        }
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Dai.djl.offline=true");
        cmd.addAll(options);
        cmd.addAll(List.of("-jar", jar.toAbsolutePath().toString()));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        // TorchServe's TS_* variables would configure the child; callers set everything it needs
        pb.environment().keySet().removeIf(k -> k.startsWith("TS_"));
        return new ServerProcess(pb.start(), log, inferencePort, managementPort);
    }

    /** Loopback listeners on {@code ports}: inference, management, metrics. */
    public static List<String> portOptions(int[] ports) {
        return List.of("-Dquarkus.http.host=127.0.0.1", "-Dquarkus.http.port=" + ports[0],
                "-Docrserve.management.host=127.0.0.1", "-Docrserve.management.port=" + ports[1],
                "-Dquarkus.management.host=127.0.0.1", "-Dquarkus.management.port=" + ports[2]);
    }

    /** Waits until GET /ping answers 200 (startup models loaded), the process exits, or the timeout passes. */
    public void awaitHealthy(Duration timeout) throws InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + timeout.toNanos();
        HttpRequest ping = HttpRequest.newBuilder(base.resolve("/ping")).timeout(Duration.ofSeconds(5)).GET().build();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the server exited with code " + process.exitValue() + "; its log:\n"
                        + logTail(40));
            }
            try {
                if (http.send(ping, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the server was not healthy within " + timeout.toSeconds() + " s; its log:\n"
                + logTail(40));
    }

    /** Requests waiting in the queues of all registered models (management API: GET /models, /models/NAME/all). */
    int pending(HttpClient http) throws IOException, InterruptedException {
        int sum = 0;
        for (JsonNode name : get(http, management.resolve("/models")).findValues("modelName")) {
            for (JsonNode n : get(http, management.resolve("/models/" + name.asText() + "/all"))
                    .findValues("pendingRequests")) {
                sum += n.asInt();
            }
        }
        return sum;
    }

    private static JsonNode get(HttpClient http, URI uri) throws IOException, InterruptedException {
        HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        if (r.statusCode() != 200) {
            throw new IOException("GET " + uri + ": HTTP " + r.statusCode());
        }
        return JSON.readTree(r.body());
    }

    String logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(log);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(cannot read " + log + ": " + e.getMessage() + ")";
        }
    }

    /** SIGKILL: no shutdown hook of the server runs, as when a machine or container dies. */
    public void killHard() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // already shutting down: the hook runs anyway
        }
    }

    /** Distinct free loopback ports (held open together so they differ, then released for the server). */
    public static int[] freePorts(int n) throws IOException {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            int[] ports = new int[n];
            for (int i = 0; i < n; i++) {
                ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                sockets.add(s);
                ports[i] = s.getLocalPort();
            }
            return ports;
        } finally {
            for (ServerSocket s : sockets) {
                s.close();
            }
        }
    }
}
