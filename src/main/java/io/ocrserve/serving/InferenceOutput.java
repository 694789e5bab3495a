package io.ocrserve.serving;

/** A handler's answer: a JSON-serializable value, or bytes with a content type (e.g. a rendered PNG). */
public record InferenceOutput(Object json, byte[] bytes, String contentType) {
    public static InferenceOutput json(Object value) {
        return new InferenceOutput(value, null, "application/json");
    }

    public static InferenceOutput binary(byte[] bytes, String contentType) {
        return new InferenceOutput(null, bytes, contentType);
    }

    public boolean isJson() {
        return bytes == null;
    }
}
