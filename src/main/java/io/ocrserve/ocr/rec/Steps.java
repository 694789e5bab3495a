package io.ocrserve.ocr.rec;

/** Per-step argmax and its score, shared by the decoders. */
final class Steps {
    private Steps() {
    }

    /** Argmax (first index on ties, like torch.max on CPU) and its value or its softmax probability. */
    static Step best(float[] data, int offset, int classes, boolean softmax) {
        int arg = 0;
        float max = data[offset];
        for (int c = 1; c < classes; c++) {
            float v = data[offset + c];
            if (v > max) {
                max = v;
                arg = c;
            }
        }
        if (!softmax) {
            return new Step(arg, max);
        }
        // softmax(x)[argmax] = 1 / sum(exp(x_i - max)): no need to normalize the whole row
        double sum = 0;
        for (int c = 0; c < classes; c++) {
            sum += Math.exp((double) data[offset + c] - max);
        }
        return new Step(arg, (float) (1.0 / sum));
    }

    static void checkShape(float[] data, int offset, int steps, int classes, TokenTable table) {
        if (steps < 0 || classes <= 0 || offset < 0 || (long) offset + (long) steps * classes > data.length) {
            throw new IllegalArgumentException("(T=" + steps + ", C=" + classes + ") at " + offset
                    + " does not fit " + data.length + " values");
        }
        // fewer classes than the table is fine (e.g. no <PAD> head); more would index past it
        if (classes > table.size()) {
            throw new IllegalArgumentException("model gives " + classes + " classes, dictionary has "
                    + table.size());
        }
    }

    record Step(int index, float score) {
    }
}
