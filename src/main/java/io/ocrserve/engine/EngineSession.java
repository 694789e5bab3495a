package io.ocrserve.engine;

import io.ocrserve.ocr.FloatTensor;
import java.util.List;

/** One loaded model with its own predictor: owned by one worker, never shared between threads. */
public interface EngineSession extends AutoCloseable {

    /** Runs the model on a batch; inputs in the model's input order, outputs in its output order. */
    List<FloatTensor> run(List<FloatTensor> inputs);

    /** Engine name and device, e.g. {@code OnnxRuntime on cpu()}. */
    String describe();

    @Override
    void close();
}
