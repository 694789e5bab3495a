package io.ocrserve.serving.handlers;

import io.ocrserve.serving.Handler;
import io.ocrserve.serving.InferenceInput;
import io.ocrserve.serving.InferenceOutput;
import io.ocrserve.serving.ModelResolver;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Models embedded in a pipeline archive, run by the pipeline worker itself with handlers of its own (one engine
 * call per window of crops); names it does not hold go to the registered models.
 */
final class EmbeddedModels implements ModelResolver, AutoCloseable {
    private final Map<String, Handler> handlers;
    private final ModelResolver registered;

    EmbeddedModels(Map<String, Handler> handlers, ModelResolver registered) {
        this.handlers = handlers;
        this.registered = registered;
    }

    @Override
    public CompletableFuture<InferenceOutput> submit(String model, String version, InferenceInput input) {
        return submitAll(model, version, List.of(input)).get(0);
    }

    @Override
    public List<CompletableFuture<InferenceOutput>> submitAll(String model, String version,
            List<InferenceInput> inputs) {
        Handler handler = handlers.get(model);
        if (handler == null) {
            if (registered == null) {
                throw new IllegalStateException("no model '" + model + "' in this pipeline");
            }
            return registered.submitAll(model, version, inputs);
        }
        List<CompletableFuture<InferenceOutput>> out = new ArrayList<>(inputs.size());
        for (Handler.Outcome o : handler.handle(inputs)) {
            out.add(o.error() == null ? CompletableFuture.completedFuture(o.output())
                    : CompletableFuture.failedFuture(o.error()));
        }
        return out;
    }

    @Override
    public void close() {
        handlers.values().forEach(Handler::close);
    }
}
