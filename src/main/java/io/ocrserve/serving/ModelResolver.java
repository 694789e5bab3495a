package io.ocrserve.serving;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Lets a handler send inputs to another model (the end-to-end pipeline composes det and recog). */
public interface ModelResolver {
    /** {@code version} may be null for the default version. */
    CompletableFuture<InferenceOutput> submit(String model, String version, InferenceInput input);

    /** Several inputs meant to be batched together; registered models batch them in their workers. */
    default List<CompletableFuture<InferenceOutput>> submitAll(String model, String version, List<InferenceInput> inputs) {
        List<CompletableFuture<InferenceOutput>> out = new ArrayList<>(inputs.size());
        for (InferenceInput in : inputs) {
            out.add(submit(model, version, in));
        }
        return out;
    }
}
