package io.ocrserve.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/** A small client of ocrserve's (TorchServe's) HTTP API: bearer token, JSON answers, readable errors. */
final class ApiClient {
    static final ObjectMapper JSON = new ObjectMapper();

    /** An HTTP answer; {@link #message()} is the server's error message for a failed one. */
    record Reply(int status, String body) {
        boolean ok() {
            return status >= 200 && status < 300;
        }

        JsonNode json() throws IOException {
            return JSON.readTree(body);
        }

        /** The {@code message} (or {@code status}) of a TorchServe body, else the raw body. */
        String message() {
            try {
                JsonNode n = JSON.readTree(body);
                for (String field : new String[] {"message", "status"}) {
                    if (n != null && n.hasNonNull(field)) {
                        return n.get(field).asText();
                    }
                }
            } catch (IOException notJson) {
                // fall through: a proxy's HTML page or plain text
            }
            String text = body == null ? "" : body.strip();
            return text.isEmpty() ? "HTTP " + status : text.replaceAll("\\s*\\R\\s*", " ");
        }
    }

    /** The server could not be reached at all (nothing listens, DNS, ...). */
    static final class UnreachableException extends IOException {
        UnreachableException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final HttpClient http;
    private final String baseUrl;
    private final String token;
    private final Duration timeout;

    ApiClient(String baseUrl, String token, Duration timeout) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.token = token;
        this.timeout = timeout;
        // HTTP/1.1: no h2c upgrade dance with request bodies (curl -T speaks 1.1 too)
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    Reply get(String path) throws IOException, InterruptedException {
        return send("GET", path, HttpRequest.BodyPublishers.noBody());
    }

    Reply send(String method, String path) throws IOException, InterruptedException {
        return send(method, path, HttpRequest.BodyPublishers.noBody());
    }

    /** POSTs a JSON body. */
    Reply postJson(String path, String json) throws IOException, InterruptedException {
        return send("POST", path, HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8), "application/json");
    }

    /** PUTs a file as the raw body, exactly what {@code curl -T file} does. */
    Reply putFile(String path, Path file) throws IOException, InterruptedException {
        return send("PUT", path, HttpRequest.BodyPublishers.ofFile(file));
    }

    private Reply send(String method, String path, HttpRequest.BodyPublisher body)
            throws IOException, InterruptedException {
        return send(method, path, body, null);
    }

    private Reply send(String method, String path, HttpRequest.BodyPublisher body, String contentType)
            throws IOException, InterruptedException {
        URI uri = URI.create(baseUrl + path);
        HttpRequest.Builder req = HttpRequest.newBuilder(uri).timeout(timeout).method(method, body)
                .header("Accept", "application/json");
        if (contentType != null) {
            req.header("Content-Type", contentType);
        }
        if (token != null && !token.isBlank()) {
            req.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> r = http.send(req.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Reply(r.statusCode(), r.body());
        } catch (ConnectException e) {
            throw new UnreachableException("cannot connect to " + baseUrl + " (is the server running? bin/ocrserve serve)", e);
        }
    }

    /** A path segment, escaped (model names are plain, but a user may type anything). */
    static String segment(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** {@code ?a=1&b=2} from the non-null entries, in order; empty when none. */
    static String query(Map<String, ?> params) {
        StringJoiner q = new StringJoiner("&", "?", "").setEmptyValue("");
        params.forEach((k, v) -> {
            if (v != null) {
                q.add(k + "=" + URLEncoder.encode(String.valueOf(v), StandardCharsets.UTF_8));
            }
        });
        return q.toString();
    }

    static Map<String, Object> params(Object... keyValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put((String) keyValues[i], keyValues[i + 1]);
        }
        return m;
    }
}
