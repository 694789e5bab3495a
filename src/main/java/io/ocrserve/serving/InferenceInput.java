package io.ocrserve.serving;

import io.ocrserve.ocr.image.Image;
import java.util.List;
import java.util.Map;

/**
 * One input of a prediction request: the raw bytes (an encoded image) with their content type and file name,
 * or an already decoded image (when a pipeline passes crops to a recognizer), plus the query parameters.
 */
public record InferenceInput(byte[] data, String contentType, String name, Image image,
        Map<String, List<String>> params) {
    public InferenceInput {
        params = params == null ? Map.of() : params;
    }

    public InferenceInput(byte[] data, String contentType, Map<String, List<String>> params) {
        this(data, contentType, null, null, params);
    }

    public static InferenceInput decoded(Image image, Map<String, List<String>> params) {
        return new InferenceInput(null, null, null, image, params);
    }

    /** The first value of a query parameter, or {@code fallback}. */
    public String param(String name, String fallback) {
        List<String> v = params.get(name);
        return v == null || v.isEmpty() ? fallback : v.get(0);
    }
}
