package io.ocrserve.api;

import io.ocrserve.serving.InferenceInput;
import io.ocrserve.serving.InferenceOutput;
import io.ocrserve.serving.ModelVersion;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/** What the prediction endpoints (TorchServe and KServe) share: queueing inputs and decoding base64 images. */
final class Submissions {
    private Submissions() {}

    /**
     * Queues every input to the model version's workers; the stage completes with the outputs in input order, or
     * with the first failure unwrapped so the error mapper sees the serving exception itself.
     */
    static CompletionStage<List<InferenceOutput>> submitAll(ModelVersion target, List<InferenceInput> inputs) {
        List<CompletableFuture<InferenceOutput>> futures = new ArrayList<>(inputs.size());
        for (InferenceInput input : inputs) {
            futures.add(target.pool().submit(input));
        }
        return CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).handle((v, error) -> {
            if (error != null) {
                Throwable cause = error instanceof CompletionException && error.getCause() != null
                        ? error.getCause() : error;
                throw cause instanceof RuntimeException re ? re : new CompletionException(cause);
            }
            return futures.stream().map(CompletableFuture::join).toList();
        });
    }

    /** Base64 (or a data URL), white space ignored; IllegalArgumentException when it is not valid base64. */
    static byte[] base64(String text) {
        int comma = text.startsWith("data:") ? text.indexOf(',') : -1;
        return Base64.getDecoder().decode(text.substring(comma + 1).replaceAll("\\s", ""));
    }
}
