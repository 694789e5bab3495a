package io.ocrserve.ocr.rec;

import io.ocrserve.ocr.FloatTensor;

import java.util.ArrayList;
import java.util.List;

/** Turns a recognizer's per-step class scores into text. */
public interface RecDecoder {
    /** The output classes this decoder reads. */
    TokenTable table();

    /**
     * Decodes one sample.
     *
     * @param data       row-major (T, C) scores starting at {@code offset}
     * @param validRatio fraction of the width that holds the image (only CTC uses it)
     */
    RecResult decode(float[] data, int offset, int steps, int classes, double validRatio);

    /** Decodes one sample of shape (T, C). */
    default RecResult decode(FloatTensor sample, double validRatio) {
        if (sample.rank() != 2) {
            throw new IllegalArgumentException("expected (T, C), got " + sample);
        }
        return decode(sample.data(), 0, sample.dim(0), sample.dim(1), validRatio);
    }

    /** Decodes a batch of shape (N, T, C); {@code validRatios} may be null (all 1.0). */
    default List<RecResult> decodeBatch(FloatTensor output, double[] validRatios) {
        if (output.rank() != 3) {
            throw new IllegalArgumentException("expected (N, T, C), got " + output);
        }
        int n = output.dim(0);
        int t = output.dim(1);
        int c = output.dim(2);
        if (validRatios != null && validRatios.length != n) {
            throw new IllegalArgumentException(validRatios.length + " valid ratios for a batch of " + n);
        }
        List<RecResult> results = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            results.add(decode(output.data(), i * t * c, t, c, validRatios == null ? 1.0 : validRatios[i]));
        }
        return results;
    }
}
