package io.ocrserve.serving;

import io.ocrserve.serving.worker.WorkerInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** TorchServe's describe-model answer for one version. */
@Schema(name = "ModelDescription")
public record ModelDescription(String modelName, String modelVersion, String modelUrl, String runtime,
        String task, boolean isDefault, int minWorkers, int maxWorkers, int batchSize, int maxBatchDelay,
        int responseTimeout, int startupTimeout, boolean loadedAtStartup, List<WorkerInfo> workers,
        JobQueueStatus jobQueueStatus) {

    @Schema(name = "JobQueueStatus")
    public record JobQueueStatus(int remainingCapacity, int pendingRequests) {}
}
