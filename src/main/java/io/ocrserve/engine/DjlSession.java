package io.ocrserve.engine;

import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.TranslateException;
import io.ocrserve.ocr.FloatTensor;
import java.nio.FloatBuffer;
import java.util.List;

/** A DJL model plus one predictor; inputs are created in a per-call sub-manager so native memory stays flat. */
final class DjlSession implements EngineSession {
    private final ZooModel<NDList, TensorList> model;
    private final Predictor<NDList, TensorList> predictor;
    private final String description;

    DjlSession(ZooModel<NDList, TensorList> model, String description) {
        this.model = model;
        this.predictor = model.newPredictor();
        this.description = description;
    }

    @Override
    public List<FloatTensor> run(List<FloatTensor> inputs) {
        try (NDManager call = model.getNDManager().newSubManager()) {
            NDList list = new NDList(inputs.size());
            for (FloatTensor t : inputs) {
                list.add(call.create(FloatBuffer.wrap(t.data()), new Shape(t.shape())));
            }
            return predictor.predict(list).tensors();
        } catch (TranslateException e) {
            throw new EngineException("inference failed on " + description + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public void close() {
        predictor.close();
        model.close();
    }
}
