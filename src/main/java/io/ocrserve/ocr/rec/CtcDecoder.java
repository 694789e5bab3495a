package io.ocrserve.ocr.rec;

import java.util.ArrayList;
import java.util.List;

/**
 * CTC greedy decoding (MMOCR CTCConvertor.tensor2idx, PaddleOCR CTCLabelDecode): per step argmax; only the
 * first {@code min(T, ceil(T * validRatio))} steps; a step is emitted when its index is neither blank nor the
 * previous step's index (the previous index is tracked through blanks, so "a - a" gives "aa" but "a a" gives
 * "a"); its score is the step's max probability.
 */
public final class CtcDecoder implements RecDecoder {
    private final TokenTable table;
    private final boolean softmax;

    /**
     * @param table   a CTC table ({@link Dictionary#ctcTable()})
     * @param softmax true when the model gives logits (MMOCR always applies softmax; PaddleOCR's output is
     *                already a probability, so false there)
     */
    public CtcDecoder(TokenTable table, boolean softmax) {
        if (table.blankIndex() < 0) {
            throw new IllegalArgumentException("CTC needs a table with a blank");
        }
        this.table = table;
        this.softmax = softmax;
    }

    /** PaddleOCR's recognizer: (N, T, |keys| + 2) probabilities, blank 0, keys, then " ". */
    public static CtcDecoder paddle(Dictionary keysWithSpace) {
        return new CtcDecoder(keysWithSpace.ctcTable(), false);
    }

    @Override
    public TokenTable table() {
        return table;
    }

    @Override
    public RecResult decode(float[] data, int offset, int steps, int classes, double validRatio) {
        Steps.checkShape(data, offset, steps, classes, table);
        int decodeLen = (int) Math.min(steps, Math.ceil(steps * validRatio));
        StringBuilder text = new StringBuilder();
        List<Float> scores = new ArrayList<>();
        int prev = table.blankIndex();
        for (int t = 0; t < decodeLen; t++) {
            Steps.Step s = Steps.best(data, offset + t * classes, classes, softmax);
            if (s.index() != prev && s.index() != table.blankIndex()) {
                text.append(table.token(s.index()));
                scores.add(s.score());
            }
            prev = s.index();
        }
        return RecResult.of(text.toString(), toArray(scores));
    }

    static double[] toArray(List<Float> scores) {
        double[] a = new double[scores.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = scores.get(i);
        }
        return a;
    }
}
