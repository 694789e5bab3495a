package io.ocrserve.serving.worker;

/** How a model version's workers batch and time out requests (TorchServe's names, milliseconds / seconds). */
public record BatchSettings(int batchSize, int maxBatchDelayMs, int responseTimeoutSeconds, int jobQueueSize) {
    public BatchSettings {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch_size must be at least 1, got " + batchSize);
        }
        if (maxBatchDelayMs < 0) {
            throw new IllegalArgumentException("max_batch_delay must not be negative, got " + maxBatchDelayMs);
        }
        if (responseTimeoutSeconds < 1) {
            throw new IllegalArgumentException("response_timeout must be at least 1 second, got "
                    + responseTimeoutSeconds);
        }
        if (jobQueueSize < 1) {
            throw new IllegalArgumentException("job_queue_size must be at least 1, got " + jobQueueSize);
        }
    }
}
