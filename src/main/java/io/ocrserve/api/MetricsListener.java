package io.ocrserve.api;

import io.micrometer.prometheus.PrometheusMeterRegistry;
import io.prometheus.client.exporter.common.TextFormat;
import io.quarkus.vertx.http.ManagementInterface;
import io.vertx.core.http.HttpHeaders;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Additions to the metrics listener (Quarkus' management interface serves {@code GET /metrics}): TorchServe's
 * {@code ?name[]=...} filter and {@code OPTIONS /} with the port's OpenAPI document.
 */
@ApplicationScoped
public class MetricsListener {
    static final String DESCRIPTION = """
            {"openapi": "3.0.3", "info": {"title": "ocrserve metrics API", "version": "0.1.0"},
             "paths": {"/metrics": {"get": {"operationId": "metrics", "summary": "Prometheus metrics",
               "parameters": [{"name": "name[]", "in": "query", "required": false,
                 "description": "only these metric samples (repeatable)",
                 "schema": {"type": "array", "items": {"type": "string"}}}],
               "responses": {"200": {"description": "Prometheus text format",
                 "content": {"text/plain": {"schema": {"type": "string"}}}}}}}}}
            """;

    @Inject
    PrometheusMeterRegistry prometheus;

    void init(@Observes ManagementInterface management) {
        management.router().options("/").handler(ctx -> ctx.response()
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json").end(DESCRIPTION));
        management.router().get("/metrics").order(-100).handler(ctx -> {
            List<String> names = ctx.queryParam("name[]");
            if (names.isEmpty()) {
                ctx.next();
                return;
            }
            Set<String> included = new LinkedHashSet<>(names);
            ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, TextFormat.CONTENT_TYPE_004)
                    .end(prometheus.scrape(TextFormat.CONTENT_TYPE_004, included));
        });
    }
}
