package io.ocrserve.serving.worker;

import io.ocrserve.serving.InferenceInput;
import io.ocrserve.serving.InferenceOutput;
import java.util.concurrent.CompletableFuture;

/** A queued request: its input, the future its caller waits on, and when it was queued. */
record Job(InferenceInput input, CompletableFuture<InferenceOutput> future, long enqueuedNanos) {
    Job(InferenceInput input) {
        this(input, new CompletableFuture<>(), System.nanoTime());
    }
}
