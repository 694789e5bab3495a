package io.ocrserve.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.translate.NoBatchifyTranslator;
import ai.djl.translate.TranslatorContext;
import io.ocrserve.ocr.FloatTensor;
import java.util.ArrayList;
import java.util.List;

/**
 * Passes NDLists through and copies outputs into Java arrays inside the predictor's scope, so every native
 * array of a call is freed when the call ends (nothing outlives the translator context).
 */
final class TensorTranslator implements NoBatchifyTranslator<NDList, TensorList> {
    @Override
    public NDList processInput(TranslatorContext ctx, NDList input) {
        return input;
    }

    @Override
    public TensorList processOutput(TranslatorContext ctx, NDList list) {
        List<FloatTensor> out = new ArrayList<>(list.size());
        for (NDArray array : list) {
            NDArray f = array.getDataType() == DataType.FLOAT32 ? array : array.toType(DataType.FLOAT32, false);
            out.add(new FloatTensor(f.getShape().getShape(), f.toFloatArray()));
        }
        return new TensorList(out);
    }
}
