package io.ocrserve.serving.archive;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * TorchServe's {@code model-config.yaml}: worker and batching defaults shipped inside an archive. Every field
 * is optional; registration parameters override them.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record WorkerSettings(Integer minWorkers, Integer maxWorkers, Integer batchSize, Integer maxBatchDelay,
        Integer responseTimeout, Integer startupTimeout, String deviceType, List<Integer> deviceIds,
        Integer jobQueueSize) {

    public static final String FILE = "model-config.yaml";

    public static WorkerSettings empty() {
        return new WorkerSettings(null, null, null, null, null, null, null, null, null);
    }
}
