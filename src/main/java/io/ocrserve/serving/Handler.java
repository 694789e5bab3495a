package io.ocrserve.serving;

import java.util.List;

/**
 * Runs one batch of inputs through a model. One instance per worker thread; it owns its engine session.
 * A failure that concerns one input (a corrupt image) goes into that input's outcome; an exception thrown
 * from {@link #handle} fails the whole batch and makes the worker replace this handler.
 */
public interface Handler extends AutoCloseable {

    List<Outcome> handle(List<InferenceInput> batch);

    @Override
    void close();

    /** The result for one input: an output, or the error to report for it. */
    record Outcome(InferenceOutput output, RuntimeException error) {
        public static Outcome ok(InferenceOutput output) {
            return new Outcome(output, null);
        }

        public static Outcome failed(RuntimeException error) {
            return new Outcome(null, error);
        }
    }
}
