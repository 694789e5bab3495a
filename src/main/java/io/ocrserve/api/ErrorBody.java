package io.ocrserve.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** TorchServe's error body, used for every error on every port. */
@Schema(name = "Error", description = "Every error: HTTP status, error kind and a message for people")
public record ErrorBody(
        @Schema(description = "HTTP status code", examples = "404") int code,
        @Schema(description = "Error kind", examples = "ModelNotFoundException") String type,
        @Schema(description = "What went wrong") String message) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
