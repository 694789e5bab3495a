package io.ocrserve.serving;

import java.util.concurrent.CompletableFuture;

/** Lets a handler send inputs to another registered model (the end-to-end pipeline composes det and recog). */
public interface ModelResolver {
    /** {@code version} may be null for the default version. */
    CompletableFuture<InferenceOutput> submit(String model, String version, InferenceInput input);
}
