package io.ocrserve.eval.metrics;

import java.math.BigDecimal;
import java.math.RoundingMode;

final class Rounding {
    private Rounding() {
    }

    /**
     * Python's {@code float('{:.4f}'.format(v))}: the exact binary value rounded half-even to 4 decimals
     * (BigDecimal(double) is exact, so ties and near-ties come out as in CPython).
     */
    static double round4(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return v;
        }
        return new BigDecimal(v).setScale(4, RoundingMode.HALF_EVEN).doubleValue();
    }
}
