package io.ocrserve.eval.metrics;

import io.ocrserve.eval.GtInstance;
import io.ocrserve.eval.PredInstance;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.ocrserve.eval.metrics.Shapes.care;
import static io.ocrserve.eval.metrics.Shapes.ignored;
import static io.ocrserve.eval.metrics.Shapes.pred;
import static org.junit.jupiter.api.Assertions.assertEquals;

class HmeanIc13Test {
    private final HmeanIc13 metric = new HmeanIc13(SweepConfig.fixed(0.5));

    private HmeanResult eval(List<GtInstance> gt, List<PredInstance> preds) {
        return metric.evaluate(List.of(gt), List.of(preds));
    }

    @Test
    void oneToOne() {
        // recall 90/100 > 0.8, precision 1 > 0.4, centres 0.5 apart -> weight 1
        HmeanResult r = eval(List.of(care(0, 0, 10, 10)), List.of(pred(0.9, 0, 0, 10, 9)));
        assertEquals(Map.of("hmean-ic13:recall", 1.0, "hmean-ic13:precision", 1.0, "hmean-ic13:hmean", 1.0),
                r.toMap());
    }

    @Test
    void oneToManyWeighsPointEight() {
        // GT [0,20]x[0,10] split by P1 (recall 0.45) and P2 (recall 0.5), both precision 1: sum 0.95 >= 0.8
        // accumulated recall 0.8, precision 0.8 * 2 = 1.6 -> r 0.8 / 1, p 1.6 / 2
        HmeanResult r = eval(List.of(care(0, 0, 20, 10)),
                List.of(pred(0.9, 0, 0, 9, 10), pred(0.9, 10, 0, 20, 10)));
        assertEquals(0.8, r.hitsRecall(), 1e-12);
        assertEquals(1.6, r.hitsPrecision(), 1e-12);
        assertEquals(0.8, r.recall(), 1e-12);
        assertEquals(0.8, r.precision(), 1e-12);
        assertEquals(0.8, r.hmean(), 1e-12);
    }

    @Test
    void manyToOne() {
        // three GTs of 100 inside one prediction of 300: each recall 1, precision 1/3 (< 0.4, so neither
        // one-to-one nor one-to-many); many-to-one sums the precisions: 1.0 >= 0.4 -> recall 3, precision 1
        HmeanResult r = eval(List.of(care(0, 0, 10, 10), care(10, 0, 20, 10), care(20, 0, 30, 10)),
                List.of(pred(0.9, 0, 0, 30, 10)));
        assertEquals(3.0, r.hitsRecall(), 1e-12);
        assertEquals(1.0, r.hitsPrecision(), 1e-12);
        assertEquals(1.0, r.hmean(), 1e-12);
    }

    @Test
    void twoGtsInOneBoxGoToOneToManyFirst() {
        // GT1, GT2 halves of one prediction: precision 0.5 each. One-to-one fails (two passing GTs in the
        // prediction's column); one-to-many then takes GT1 alone (precision 0.5 >= 0.4, recall 1 >= 0.8)
        // with weight 0.8, which marks the prediction, so GT2 is never matched: r 0.4, p 0.8
        HmeanResult r = eval(List.of(care(0, 0, 10, 10), care(10, 0, 20, 10)), List.of(pred(0.9, 0, 0, 20, 10)));
        assertEquals(0.4, r.recall(), 1e-12);
        assertEquals(0.8, r.precision(), 1e-12);
        assertEquals(0.5333, r.toMap().get("hmean-ic13:hmean"));
    }

    @Test
    void centreDistanceRuleSendsThePairToOneToMany() {
        // the same square twice, but vertices crowded at opposite corners: box_diag (vertex 0 to vertex 2)
        // is 1 for both, the vertex means are (3.5833, 3.3333) and (6.4167, 6.6667): distance 4.3748,
        // normalized 2 * 4.3748 / (1 + 1) >= 1, so one-to-one fails and one-to-many matches with 0.8
        double[] gt = {0, 0, 0.5, 0, 1, 0, 10, 0, 10, 10, 0, 10};
        double[] det = {10, 10, 9.5, 10, 9, 10, 0, 10, 0, 0, 10, 0};
        assertEquals(4.374801, HmeanIc13.normCenterDist(det, gt), 1e-6);
        HmeanResult r = eval(List.of(GtInstance.care(gt)), List.of(new PredInstance(det, 0.9)));
        assertEquals(0.8, r.recall(), 1e-12);
        assertEquals(0.8, r.precision(), 1e-12);
    }

    @Test
    void predictionsOverIgnoredGtUseThePointFourThreshold() {
        // P over the ignored GT [20,30]x[0,10] with 45% of its area: ignored by ic13 (> 0.4), kept by iou
        List<GtInstance> gt = List.of(care(0, 0, 10, 10), ignored(20, 0, 30, 10));
        List<PredInstance> preds = List.of(pred(0.9, 0, 0, 10, 10), pred(0.9, 14.5, 0, 24.5, 10));
        HmeanResult ic13 = eval(gt, preds);
        assertEquals(1, ic13.numDets());
        assertEquals(1.0, ic13.hmean());
        HmeanResult iou = new HmeanIou(SweepConfig.fixed(0.5)).evaluate(List.of(gt), List.of(preds));
        assertEquals(2, iou.numDets());
        assertEquals(0.6667, iou.toMap().get("hmean-iou:hmean"));
    }

    @Test
    void emptyCases() {
        assertEquals(0.0, eval(List.of(care(0, 0, 10, 10)), List.of()).hmean());
        HmeanResult empty = eval(List.of(), List.of());
        assertEquals(1.0, empty.recall());
        assertEquals(1.0, empty.precision());
        assertEquals(1.0, empty.hmean());
    }
}
