package io.ocrserve.serving;

/** One model version as written in a registry snapshot: enough to register it again the same way. */
public record SnapshotEntry(String modelName, String modelVersion, String url, boolean isDefault, int minWorkers,
        int maxWorkers, int batchSize, int maxBatchDelay, int responseTimeout, int startupTimeout,
        int jobQueueSize, String device) {

    RegisterRequest toRequest() {
        return new RegisterRequest(url, modelName, batchSize, maxBatchDelay, minWorkers, maxWorkers,
                responseTimeout, startupTimeout, jobQueueSize, device, true);
    }
}
