package io.ocrserve.engine;

import io.ocrserve.ocr.FloatTensor;
import java.util.List;

/** Engine outputs copied out of native memory. */
record TensorList(List<FloatTensor> tensors) {}
