package io.ocrserve.eval.metrics;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The best point of a detection threshold sweep. {@code recall}, {@code precision}, {@code hmean} are raw;
 * {@link #toMap()} gives MMOCR's keys with values rounded to 4 decimals. {@code hitsRecall}/{@code hitsPrecision}
 * differ only for hmean-ic13 (one-to-many matches weigh 0.8).
 */
public record HmeanResult(String metric, double recall, double precision, double hmean, double threshold,
                          int numGts, int numDets, double hitsRecall, double hitsPrecision) {

    /** {@code <metric>:recall}, {@code <metric>:precision}, {@code <metric>:hmean}, rounded to 4 decimals. */
    public Map<String, Double> toMap() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put(metric + ":recall", Rounding.round4(recall));
        m.put(metric + ":precision", Rounding.round4(precision));
        m.put(metric + ":hmean", Rounding.round4(hmean));
        return m;
    }
}
