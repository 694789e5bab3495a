package io.ocrserve.jobs;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * What POST /jobs asks for. {@code model} is {@code name} or {@code name/version}; dataset paths are relative
 * to the data root (or to the uploaded zip's root when {@code dataset.uploaded} is true).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record JobRequest(String type, String model, DatasetSpec dataset, List<String> metrics,
        Map<String, Object> options) {
    public static final String EVALUATE = "evaluate";

    public JobRequest {
        metrics = metrics == null ? List.of() : List.copyOf(metrics);
        options = options == null ? Map.of() : Map.copyOf(options);
    }

    /** Where the evaluation data is: format, annotation file (or folder) and image folder. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DatasetSpec(String format, String annotations, String images, Boolean uploaded) {
        @com.fasterxml.jackson.annotation.JsonIgnore
        public boolean isUploaded() {
            return Boolean.TRUE.equals(uploaded);
        }
    }

    public String modelName() {
        int slash = model.indexOf('/');
        return slash < 0 ? model : model.substring(0, slash);
    }

    /** The version after '/', or null for the default version. */
    public String modelVersion() {
        int slash = model.indexOf('/');
        return slash < 0 ? null : model.substring(slash + 1);
    }

    public JobRequest withDataset(DatasetSpec d) {
        return new JobRequest(type, model, d, metrics, options);
    }
}
