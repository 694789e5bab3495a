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
 * The real server as a child process on free loopback ports, with the startup models of a model store and no
 * snapshots; its output goes to a log file. {@link #close()} stops it (SIGTERM, then kill), and a shutdown hook
 * does the same if the benchmark itself is interrupted.
 */
final class ServerProcess implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Process process;
    private final Thread hook;
    private final Path log;
    final URI base;
    final URI management;

    private ServerProcess(Process process, Path log, int port, int managementPort) {
        this.process = process;
        this.log = log;
        this.base = URI.create("http://127.0.0.1:" + port);
        this.management = URI.create("http://127.0.0.1:" + managementPort);
        this.hook = new Thread(process::destroyForcibly, "bench-server-stop");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    static ServerProcess start(Path java, Path jar, Path modelStore, List<String> jvmOptions, Path log)
            throws IOException {
        int[] ports = freePorts(3);
        List<String> cmd = new ArrayList<>();
        cmd.add(java.toString());
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of("-Dai.djl.offline=true",
                "-Dquarkus.http.host=127.0.0.1", "-Dquarkus.http.port=" + ports[0],
                "-Docrserve.management.host=127.0.0.1", "-Docrserve.management.port=" + ports[1],
                "-Dquarkus.management.host=127.0.0.1", "-Dquarkus.management.port=" + ports[2],
                "-Docrserve.snapshot.enabled=false", "-Docrserve.load-models=all",
                "-Docrserve.model-store=" + modelStore.toAbsolutePath(),
                "-jar", jar.toAbsolutePath().toString()));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        // TorchServe's TS_* variables would configure the child; the benchmark sets everything it needs
        pb.environment().keySet().removeIf(k -> k.startsWith("TS_"));
        return new ServerProcess(pb.start(), log, ports[0], ports[1]);
    }

    /** Waits until GET /ping answers 200 (startup models loaded), the process exits, or the timeout passes. */
    void awaitHealthy(HttpClient http, Duration timeout) throws InterruptedException {
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
    static int[] freePorts(int n) throws IOException {
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
