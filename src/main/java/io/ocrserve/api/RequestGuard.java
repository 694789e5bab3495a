package io.ocrserve.api;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.ocrserve.config.ServerConfig;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.UUID;

/**
 * First handler of every request on the inference and management listeners: request id, port separation,
 * bearer-token auth, body size limit, request counting by status class.
 */
@ApplicationScoped
public class RequestGuard implements Handler<RoutingContext> {
    public static final String REQUEST_ID = "x-request-id";

    @Inject
    ServerConfig config;

    @Inject
    HttpListeners listeners;

    @Inject
    MeterRegistry registry;

    @Override
    public void handle(RoutingContext ctx) {
        String id = Optional.ofNullable(ctx.request().getHeader(REQUEST_ID)).filter(s -> s.length() <= 200)
                .orElseGet(() -> UUID.randomUUID().toString());
        ctx.put(REQUEST_ID, id);
        ctx.response().putHeader(REQUEST_ID, id);
        boolean management = listeners.isManagement(ctx.request());
        String port = management ? "management" : "inference";
        ctx.addHeadersEndHandler(v -> count(port, ctx.response().getStatusCode()));

        String path = ctx.normalizedPath();
        if (management ? PortRoutes.isInferencePath(path) : PortRoutes.isManagementPath(path)) {
            fail(ctx, 404, "NotFoundException", "Requested resource is not found on the " + port + " port: "
                    + path + " (it is served on the " + (management ? "inference" : "management") + " port)");
            return;
        }
        Optional<String> token = management ? config.auth().managementToken() : config.auth().inferenceToken();
        if (token.isPresent() && !isHealthCheck(path) && !tokenMatches(ctx, token.get())) {
            ctx.response().putHeader("WWW-Authenticate", "Bearer");
            fail(ctx, 401, "UnauthorizedException", "Missing or wrong bearer token for the " + port
                    + " API: send 'Authorization: Bearer <token>'");
            return;
        }
        String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null && parseLong(length) > config.maxRequestSize()) {
            ctx.response().putHeader(HttpHeaders.CONNECTION, "close");
            fail(ctx, 413, "RequestEntityTooLargeException", "Request body of " + length
                    + " bytes exceeds max_request_size (" + config.maxRequestSize() + " bytes)");
            return;
        }
        ctx.next();
    }

    private static boolean isHealthCheck(String path) {
        return path.equals("/ping") || path.startsWith("/v2/health/");
    }

    private static boolean tokenMatches(RoutingContext ctx, String expected) {
        String header = ctx.request().getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        return MessageDigest.isEqual(header.substring(7).trim().getBytes(StandardCharsets.UTF_8),
                expected.getBytes(StandardCharsets.UTF_8));
    }

    private static long parseLong(String s) {
        try {
            return Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }

    static void fail(RoutingContext ctx, int status, String type, String message) {
        ctx.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .end(new ErrorBody(status, type, message).toJson());
    }

    private void count(String port, int status) {
        Counter.builder("ocrserve_requests").description("HTTP requests by listener and status class")
                .tag("port", port).tag("status_class", (status / 100) + "XX").register(registry).increment();
    }
}
