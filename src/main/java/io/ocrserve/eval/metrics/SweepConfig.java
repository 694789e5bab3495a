package io.ocrserve.eval.metrics;

/**
 * MMOCR {@code eval_hmean}'s score-threshold grid: predictions with score &gt; {@code minScoreThr} are kept,
 * then each threshold of {@code numpy.arange(min, min(max + step, 1.0), step)} keeps score &gt;= thr.
 */
public record SweepConfig(double minScoreThr, double maxScoreThr, double step) {
    public static final SweepConfig DEFAULT = new SweepConfig(0.3, 0.9, 0.1);

    public SweepConfig {
        if (!(0 <= minScoreThr && minScoreThr <= maxScoreThr && maxScoreThr <= 1)) {
            throw new IllegalArgumentException(
                    "need 0 <= min_score_thr <= max_score_thr <= 1; got " + minScoreThr + ", " + maxScoreThr);
        }
        if (!(step > 0 && step <= 1)) {
            throw new IllegalArgumentException("need 0 < step <= 1; got " + step);
        }
        if (thresholds(minScoreThr, maxScoreThr, step).length == 0) {
            throw new IllegalArgumentException("the threshold grid is empty (min_score_thr = 1.0?)");
        }
    }

    /** A single threshold: keep score &gt; thr, then score &gt;= thr (so exactly one evaluation). */
    public static SweepConfig fixed(double thr) {
        return new SweepConfig(thr, thr, 1.0);
    }

    public double[] thresholds() {
        return thresholds(minScoreThr, maxScoreThr, step);
    }

    /**
     * numpy.arange as numpy computes it: length ceil((stop - start) / step), values start, start + step,
     * then start + i * ((start + step) - start). The defaults give 0.3, 0.4, 0.5, 0.6000000000000001,
     * 0.7000000000000002, 0.8000000000000003, 0.9000000000000001, and a score of exactly 0.6 is below the
     * fourth threshold, as in MMOCR.
     */
    static double[] thresholds(double min, double max, double step) {
        double stop = Math.min(max + step, 1.0);
        double len = Math.ceil((stop - min) / step);
        int n = len > 0 ? (int) len : 0;
        double[] t = new double[n];
        if (n > 0) {
            t[0] = min;
        }
        if (n > 1) {
            t[1] = min + step;
        }
        double delta = (min + step) - min;
        for (int i = 2; i < n; i++) {
            t[i] = min + i * delta;
        }
        return t;
    }
}
