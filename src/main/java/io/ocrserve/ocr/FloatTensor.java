package io.ocrserve.ocr;

import java.util.Arrays;

/** A dense float array with a shape (row-major): what engines give back and postprocessors take. */
public record FloatTensor(long[] shape, float[] data) {
    public FloatTensor {
        long n = 1;
        for (long d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("negative dimension in " + Arrays.toString(shape));
            }
            n *= d;
        }
        if (n != data.length) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " needs " + n
                    + " values, got " + data.length);
        }
    }

    public int rank() {
        return shape.length;
    }

    public int dim(int i) {
        return (int) shape[i];
    }

    /** The i-th slice along the first axis (one image of a batch), sharing nothing with this tensor. */
    public FloatTensor slice(int i) {
        long[] sub = Arrays.copyOfRange(shape, 1, shape.length);
        int size = data.length / dim(0);
        return new FloatTensor(sub, Arrays.copyOfRange(data, i * size, (i + 1) * size));
    }

    @Override
    public String toString() {
        return "FloatTensor" + Arrays.toString(shape);
    }
}
