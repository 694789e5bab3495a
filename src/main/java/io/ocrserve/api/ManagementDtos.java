package io.ocrserve.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Bodies of the management API (TorchServe's field names). */
final class ManagementDtos {
    private ManagementDtos() {}

    @Schema(name = "Status", description = "A status message")
    record Status(@Schema(examples = "Model \"ppocr_det\" Version: 1.0 registered with 1 initial workers") String status) {}

    @Schema(name = "ModelEntry")
    record ModelEntry(String modelName, String modelUrl) {}

    @Schema(name = "ModelList")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ModelList(@Schema(description = "Offset of the next page; absent on the last page") String nextPageToken,
            java.util.List<ModelEntry> models) {}

    /** POST /models as a JSON body: the same keys as the query parameters. */
    @Schema(name = "RegisterModel", description = "Registration parameters; query parameters take precedence")
    record Register(@Schema(description = "Archive file name in the model store, or an allowed URL") String url,
            @JsonProperty("model_name") String modelName, @JsonProperty("batch_size") Integer batchSize,
            @JsonProperty("max_batch_delay") Integer maxBatchDelay,
            @JsonProperty("initial_workers") Integer initialWorkers, @JsonProperty("max_workers") Integer maxWorkers,
            @JsonProperty("response_timeout") Integer responseTimeout,
            @JsonProperty("startup_timeout") Integer startupTimeout,
            @JsonProperty("job_queue_size") Integer jobQueueSize, String device, Boolean synchronous) {}
}
