package io.ocrserve.serving;

import java.util.List;
import java.util.Map;

/** One input of a prediction request: the raw bytes (an image), their content type and the query parameters. */
public record InferenceInput(byte[] data, String contentType, Map<String, List<String>> params) {
    public InferenceInput {
        params = params == null ? Map.of() : params;
    }

    /** The first value of a query parameter, or {@code fallback}. */
    public String param(String name, String fallback) {
        List<String> v = params.get(name);
        return v == null || v.isEmpty() ? fallback : v.get(0);
    }
}
