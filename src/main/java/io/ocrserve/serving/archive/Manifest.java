package io.ocrserve.serving.archive;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/** {@code MAR-INF/MANIFEST.json}, TorchServe's field names. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Manifest(String createdOn, String runtime, Model model, String archiverVersion) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Model(String modelName, String modelVersion, String serializedFile, String handler,
            String modelFile, String configFile, String extensions, String requirementsFile) {}

    public static final String PATH = "MAR-INF/MANIFEST.json";
}
