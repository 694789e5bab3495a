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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code ocrserve models} against a real in-test HTTP server answering like the management API. */
class ModelsCommandTest {
    HttpServer server;
    final List<String> seen = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/models", this::handle);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void handle(HttpExchange ex) throws IOException {
        String q = ex.getRequestURI().getRawQuery();
        String request = ex.getRequestMethod() + " " + ex.getRequestURI().getPath() + (q == null ? "" : "?" + q);
        seen.add(request + " auth=" + ex.getRequestHeaders().getFirst("Authorization"));
        switch (request) {
            case "GET /models?limit=100" -> reply(ex, 200,
                    "{\"nextPageToken\": \"1\", \"models\": [{\"modelName\": \"ocr\", \"modelUrl\": \"ocr.mar\"}]}");
            case "GET /models?limit=100&next_page_token=1" -> reply(ex, 200,
                    "{\"models\": [{\"modelName\": \"ppocr_det\", \"modelUrl\": \"ppocr_det.mar\"}]}");
            case "POST /models?url=ppocr_det.mar&initial_workers=2&synchronous=true" -> reply(ex, 200,
                    "{\"status\": \"Model \\\"ppocr_det\\\" Version: 1.0 registered with 2 initial workers\"}");
            case "PUT /models/ocr?min_worker=3&synchronous=true" -> reply(ex, 200,
                    "{\"status\": \"Workers scaled to 3 for model: ocr\"}");
            case "DELETE /models/ocr/2.0" -> reply(ex, 403, "{\"code\": 403, \"type\": \"InvalidModelVersionException\", "
                    + "\"message\": \"Cannot remove default version for model ocr\"}");
            default -> reply(ex, 404, "{\"code\": 404, \"type\": \"ModelNotFoundException\", \"message\": \"Model not found: "
                    + ex.getRequestURI().getPath() + "\"}");
        }
    }

    private static void reply(HttpExchange ex, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        ex.sendResponseHeaders(status, bytes.length);
        try (var out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Test
    void listFollowsEveryPage() throws IOException {
        CliRun run = CliRun.of("models", "list", "--management-url", url(), "--token", "k");

        assertEquals(0, run.code(), run.toString());
        JsonNode models = ApiClient.JSON.readTree(run.out()).get("models");
        assertEquals(2, models.size());
        assertEquals("ppocr_det", models.get(1).get("modelName").asText());
        assertEquals("GET /models?limit=100 auth=Bearer k", seen.get(0));
    }

    @Test
    void registerSendsTorchServeParameters() {
        CliRun run = CliRun.of("models", "register", "ppocr_det.mar", "--initial-workers", "2", "--management-url", url());

        assertEquals(0, run.code(), run.toString());
        assertTrue(run.out().contains("registered with 2 initial workers"), run.out());
    }

    @Test
    void scale() {
        CliRun run = CliRun.of("models", "scale", "ocr", "--min", "3", "--management-url", url());

        assertEquals(0, run.code(), run.toString());
        assertTrue(run.out().contains("Workers scaled to 3"), run.out());
    }

    @Test
    void errorsPrintTheServersMessageAndExit1() {
        CliRun run = CliRun.of("models", "unregister", "ocr", "2.0", "--management-url", url());
        assertEquals(1, run.code(), run.toString());
        assertEquals("ocrserve models: HTTP 403: Cannot remove default version for model ocr", run.err().strip());

        CliRun unknown = CliRun.of("models", "describe", "nope", "--management-url", url());
        assertEquals(1, unknown.code(), unknown.toString());
        assertTrue(unknown.err().contains("HTTP 404: Model not found: /models/nope"), unknown.err());
    }
}
