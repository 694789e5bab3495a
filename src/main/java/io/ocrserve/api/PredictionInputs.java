package io.ocrserve.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ocrserve.serving.InferenceInput;
import io.ocrserve.serving.ServingException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns a prediction request body into inputs: a raw body (one input), multipart (each file part of field
 * {@code data} or {@code file}, or any part with a filename, is one input, in order) or JSON
 * ({@code {"data": "<base64>"}} or a list of such objects).
 */
final class PredictionInputs {
    private static final ObjectMapper JSON = new ObjectMapper();

    private PredictionInputs() {}

    static List<InferenceInput> parse(byte[] body, String contentType, Map<String, List<String>> params) {
        if (body == null || body.length == 0) {
            throw ServingException.badRequest("empty request body: send an image as the body (curl -T image.jpg), "
                    + "as multipart field 'data' or as JSON {\"data\": \"<base64>\"}");
        }
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        List<InferenceInput> inputs = new ArrayList<>();
        if (type.startsWith("multipart/")) {
            for (Multipart.Part p : Multipart.parse(body, Multipart.boundary(contentType))) {
                boolean isInput = "data".equals(p.name()) || "file".equals(p.name()) || p.filename() != null;
                if (isInput && p.data().length > 0) {
                    inputs.add(new InferenceInput(p.data(), p.contentType(), p.filename(), null, params));
                }
            }
            if (inputs.isEmpty()) {
                throw ServingException.badRequest("multipart body has no input: send the image in field 'data' or 'file'");
            }
        } else if (type.startsWith("application/json")) {
            JsonNode root;
            try {
                root = JSON.readTree(body);
            } catch (IOException e) {
                throw ServingException.badRequest("malformed JSON body: " + e.getMessage());
            }
            if (root != null && root.isArray()) {
                root.forEach(node -> inputs.add(fromJson(node, params)));
            } else {
                inputs.add(fromJson(root, params));
            }
            if (inputs.isEmpty()) {
                throw ServingException.badRequest("JSON body holds no input");
            }
        } else {
            inputs.add(new InferenceInput(body, contentType, params));
        }
        return inputs;
    }

    private static InferenceInput fromJson(JsonNode node, Map<String, List<String>> params) {
        JsonNode data = node == null ? null : node.isTextual() ? node : node.has("data") ? node.get("data") : node.get("body");
        if (data == null || !data.isTextual()) {
            throw ServingException.badRequest("JSON input must be {\"data\": \"<base64 image>\"}");
        }
        try {
            return new InferenceInput(Submissions.base64(data.asText()), null, params);
        } catch (IllegalArgumentException e) {
            throw ServingException.badRequest("'data' is not valid base64: " + e.getMessage());
        }
    }
}
