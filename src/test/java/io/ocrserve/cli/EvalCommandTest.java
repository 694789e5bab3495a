package io.ocrserve.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code ocrserve eval} against an in-test HTTP server answering like the job API. */
class EvalCommandTest {
    HttpServer server;
    final List<String> bodies = new CopyOnWriteArrayList<>();
    final AtomicInteger polls = new AtomicInteger();
    volatile String finalState = "succeeded";

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/jobs", this::handle);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void handle(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        if (ex.getRequestMethod().equals("POST")) {
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            bodies.add(body);
            if (body.contains("\"nope\"")) {
                reply(ex, 404, "{\"code\": 404, \"type\": \"ModelNotFoundException\", \"message\": \"Model not found: nope\"}");
            } else {
                reply(ex, 202, "{\"id\": \"j1\", \"state\": \"queued\", \"progress\": 0}");
            }
        } else if (path.equals("/jobs/j1")) {
            int n = polls.incrementAndGet();
            if (n < 3) {
                reply(ex, 200, "{\"id\": \"j1\", \"state\": \"running\", \"progress\": " + (n * 0.3) + ", \"eta_seconds\": 4}");
            } else if (finalState.equals("succeeded")) {
                reply(ex, 200, "{\"id\": \"j1\", \"state\": \"succeeded\", \"progress\": 1, \"metrics\": "
                        + "{\"hmean-iou:recall\": 0.619, \"hmean-iou:precision\": 0.619, \"hmean-iou:hmean\": 0.619}}");
            } else {
                reply(ex, 200, "{\"id\": \"j1\", \"state\": \"failed\", \"progress\": 0.3, \"error\": \"cannot read image a.jpg\"}");
            }
        } else if (path.equals("/jobs") && ex.getRequestMethod().equals("GET")) {
            bodies.add("GET /jobs?" + ex.getRequestURI().getRawQuery());
            reply(ex, 200, "{\"jobs\": [{\"id\": \"j1\", \"state\": \"running\"}]}");
        } else if (path.equals("/jobs/j1/logs")) {
            byte[] text = "line one\n".getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, text.length);
            try (var out = ex.getResponseBody()) {
                out.write(text);
            }
        } else if (path.equals("/jobs/j2") && ex.getRequestMethod().equals("DELETE")) {
            reply(ex, 409, "{\"code\": 409, \"message\": \"job j2 has already succeeded\"}");
        } else {
            reply(ex, 404, "{\"code\": 404, \"message\": \"no\"}");
        }
    }

    private static void reply(HttpExchange ex, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        try (var out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    private String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Test
    void submitsFollowsAndPrintsTheMetricTable() throws Exception {
        CliRun r = CliRun.of("eval", "--management-url", url(), "--model", "ppocr_det", "--format", "icdar_coco",
                "--dataset", "toy/instances_test.json", "--images", "toy/imgs", "--metrics", "hmean-iou,hmean-ic13",
                "--option", "min_score_thr=0.5", "--poll", "10");
        assertEquals(0, r.code(), r.toString());
        JsonNode sent = ApiClient.JSON.readTree(bodies.get(0));
        assertEquals("evaluate", sent.get("type").asText());
        assertEquals("ppocr_det", sent.get("model").asText());
        assertEquals("icdar_coco", sent.at("/dataset/format").asText());
        assertEquals("toy/instances_test.json", sent.at("/dataset/annotations").asText());
        assertEquals("toy/imgs", sent.at("/dataset/images").asText());
        assertEquals("hmean-ic13", sent.at("/metrics/1").asText());
        assertEquals(0.5, sent.at("/options/min_score_thr").asDouble());
        assertTrue(r.out().matches("(?s).*hmean-iou:hmean +0\\.6190\\R.*"), r.out());
        assertTrue(r.err().contains("ETA 4s") && r.err().contains("100% succeeded"), r.err());
    }

    @Test
    void failedJobAndRefusedRequestExitOne() {
        finalState = "failed";
        CliRun failed = CliRun.of("eval", "--management-url", url(), "--model", "ppocr_rec", "--format", "ocr_txt",
                "--dataset", "x/label.txt", "--images", "x", "--poll", "10");
        assertEquals(1, failed.code(), failed.toString());
        assertTrue(failed.err().contains("job j1 failed: cannot read image a.jpg"), failed.err());
        CliRun refused = CliRun.of("eval", "--management-url", url(), "--model", "nope", "--format", "ocr_txt",
                "--dataset", "x/label.txt");
        assertEquals(1, refused.code());
        assertTrue(refused.err().contains("HTTP 404: Model not found: nope"), refused.err());
        assertEquals(2, CliRun.of("eval", "--model", "x").code(), "missing options");
    }

    @Test
    void jobsSubcommands() {
        CliRun list = CliRun.of("jobs", "list", "--management-url", url(), "--state", "running");
        assertEquals(0, list.code(), list.toString());
        assertTrue(list.out().contains("\"j1\""), list.out());
        assertTrue(bodies.contains("GET /jobs?state=running&limit=100"), bodies.toString());
        CliRun logs = CliRun.of("jobs", "logs", "j1", "--management-url", url());
        assertEquals("line one\n", logs.out());
        CliRun cancel = CliRun.of("jobs", "cancel", "j2", "--management-url", url());
        assertEquals(1, cancel.code());
        assertTrue(cancel.err().contains("HTTP 409: job j2 has already succeeded"), cancel.err());
    }

    @Test
    void barIsAPureFunction() {
        assertEquals("[#########...........]  45% running, ETA 12s", EvalCommand.bar("running", 0.45, 12));
        assertEquals("[....................]   0% queued", EvalCommand.bar("queued", 0, -1));
    }
}
