package io.ocrserve.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A real HTTP server on 127.0.0.1 (random port) answering like ocrserve's inference API: {@code /predictions/ocr}
 * echoes the image's text, a body starting with "bad" gets the server's 400 error body, any other model a 404.
 */
final class FakeOcrServer implements AutoCloseable {

    /** What the server saw of one request. */
    record Seen(String method, String path, String query, String authorization, String body) {}

    final List<Seen> seen = new CopyOnWriteArrayList<>();
    private final HttpServer server;

    FakeOcrServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/predictions/", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void handle(HttpExchange ex) throws IOException {
        String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        seen.add(new Seen(ex.getRequestMethod(), ex.getRequestURI().getPath(), ex.getRequestURI().getQuery(),
                ex.getRequestHeaders().getFirst("Authorization"), body));
        if (!ex.getRequestURI().getPath().equals("/predictions/ocr")) {
            String model = ex.getRequestURI().getPath().substring("/predictions/".length());
            reply(ex, 404, "{\"code\": 404, \"type\": \"ModelNotFoundException\", \"message\": \"Model not found: "
                    + model + "\"}");
        } else if (body.startsWith("bad")) {
            reply(ex, 400, "{\"code\": 400, \"type\": \"InvalidInputException\", "
                    + "\"message\": \"input 0 is not an image (PNG, JPEG, BMP, TIFF or WebP expected)\"}");
        } else {
            reply(ex, 200, "{\"rec_texts\": [\"" + body.strip() + "\"], \"rec_scores\": [0.99]}");
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

    @Override
    public void close() {
        server.stop(0);
    }
}
