package io.ocrserve.serving;

/**
 * Registration parameters (TorchServe's names); null means "not given": the archive's model-config.yaml, then
 * the server defaults apply.
 */
public record RegisterRequest(String url, String modelName, Integer batchSize, Integer maxBatchDelay,
        Integer initialWorkers, Integer maxWorkers, Integer responseTimeout, Integer startupTimeout,
        Integer jobQueueSize, String device, boolean synchronous) {

    public static RegisterRequest of(String url) {
        return new RegisterRequest(url, null, null, null, null, null, null, null, null, null, true);
    }

    public RegisterRequest withName(String name) {
        return new RegisterRequest(url, name, batchSize, maxBatchDelay, initialWorkers, maxWorkers, responseTimeout,
                startupTimeout, jobQueueSize, device, synchronous);
    }
}
