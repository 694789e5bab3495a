package io.ocrserve.eval.metrics;

import io.ocrserve.eval.GtInstance;
import io.ocrserve.eval.PredInstance;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.ocrserve.eval.metrics.Shapes.care;
import static io.ocrserve.eval.metrics.Shapes.ignored;
import static io.ocrserve.eval.metrics.Shapes.pred;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class HmeanIouTest {
    private final HmeanIou metric = new HmeanIou();

    private HmeanResult eval(List<GtInstance> gt, List<PredInstance> preds) {
        return metric.evaluate(List.of(gt), List.of(preds));
    }

    @Test
    void ignoredGtAndTheHalfPrecisionRule() {
        // care A [0,10]^2, ignored B [20,30]x[0,10]
        // P1 [0,10]x[0,8]: IoU 80/100 with A -> hit
        // P2 inside B: 100% of its area on an ignored GT -> ignored
        // P3 [15,25]x[0,10]: exactly 50% on B, not > 0.5 -> a care false positive
        HmeanResult r = eval(List.of(care(0, 0, 10, 10), ignored(20, 0, 30, 10)),
                List.of(pred(0.9, 0, 0, 10, 8), pred(0.9, 20, 0, 30, 6), pred(0.9, 15, 0, 25, 10)));
        assertEquals(1, r.numGts());
        assertEquals(2, r.numDets());
        assertEquals(1.0, r.hitsRecall());
        assertEquals(Map.of("hmean-iou:recall", 1.0, "hmean-iou:precision", 0.5, "hmean-iou:hmean", 0.6667),
                r.toMap());
    }

    @Test
    void iouOfExactlyHalfIsNoMatch() {
        HmeanResult r = eval(List.of(care(0, 0, 10, 10)), List.of(pred(0.9, 0, 0, 10, 5)));
        assertEquals(0.0, r.recall());
        assertEquals(0.0, r.precision());
        assertEquals(0.0, r.hmean());
    }

    @Test
    void greedyFirstFitNotBestFit() {
        // GT A [0,10]^2 and B [6,16]x[0,10]. P1 [3,13]x[0,10] has IoU 7/13 with A and with B;
        // P2 [0,10]x[0,10] is a perfect A. First-fit gives A to P1 (earlier prediction), so P2 is left
        // for B: IoU(P2, B) = 40/160 -> no match. hits 1 of 2.
        HmeanResult r = eval(List.of(care(0, 0, 10, 10), care(6, 0, 16, 10)),
                List.of(pred(0.9, 3, 0, 13, 10), pred(0.9, 0, 0, 10, 10)));
        assertEquals(1.0, r.hitsRecall());
        assertEquals(0.5, r.recall());
        assertEquals(0.5, r.precision());
    }

    @Test
    void emptyPredictionsAndEmptyGt() {
        // no predictions: recall 0, precision 0 (pred count 0), hmean 0
        HmeanResult none = eval(List.of(care(0, 0, 10, 10), care(20, 0, 30, 10)), List.of());
        assertEquals(Map.of("hmean-iou:recall", 0.0, "hmean-iou:precision", 0.0, "hmean-iou:hmean", 0.0),
                none.toMap());
        // no GT and no predictions: 1, 1, 1
        HmeanResult empty = eval(List.of(), List.of());
        assertEquals(Map.of("hmean-iou:recall", 1.0, "hmean-iou:precision", 1.0, "hmean-iou:hmean", 1.0),
                empty.toMap());
        // no GT but a prediction: recall 1, precision 0, hmean 0 ...
        HmeanResult fp = new HmeanIou(SweepConfig.fixed(0.5))
                .evaluate(List.of(List.of()), List.of(List.of(pred(0.9, 0, 0, 10, 10))));
        assertEquals(1.0, fp.recall());
        assertEquals(0.0, fp.precision());
        assertEquals(0.0, fp.hmean());
        // ... so the default sweep prefers its last threshold, 0.9000000000000001, which drops the 0.9 box
        HmeanResult swept = eval(List.of(), List.of(pred(0.9, 0, 0, 10, 10)));
        assertEquals(0.9000000000000001, swept.threshold());
        assertEquals(1.0, swept.hmean());
        // only ignored GT: counts as no GT; the prediction on it is ignored -> 1, 1, 1
        HmeanResult ign = eval(List.of(ignored(0, 0, 10, 10)), List.of(pred(0.9, 0, 0, 10, 10)));
        assertEquals(0, ign.numGts());
        assertEquals(0, ign.numDets());
        assertEquals(1.0, ign.hmean());
        // zero images
        assertEquals(1.0, metric.evaluate(List.of(), List.of()).hmean());
    }

    @Test
    void microAverageOverImages() {
        // image 1: 1 GT, 1 hit; image 2: 3 GT, 0 predictions -> recall 1/4, precision 1/1
        HmeanResult r = metric.evaluate(
                List.of(List.of(care(0, 0, 10, 10)), List.of(care(0, 0, 10, 10), care(20, 0, 30, 10),
                        care(40, 0, 50, 10))),
                List.of(List.of(pred(0.8, 0, 0, 10, 10)), List.of()));
        assertEquals(0.25, r.recall());
        assertEquals(1.0, r.precision());
        assertEquals(0.4, r.hmean(), 1e-12); // 2 * 0.25 / 1.25
    }

    @Test
    void sweepKeepsTheFirstStrictlyBetterThreshold() {
        // PA 0.95 on A, PX 0.35 false positive, PB 0.5 on B, PY 0.3 (dropped by score > 0.3).
        // thr 0.3: 3 dets, 2 hits -> h 0.8; thr 0.4 and 0.5: 2 dets, 2 hits -> h 1.0 (tie: 0.4 stays);
        // thr >= 0.6: 1 det -> r 0.5, h 0.6667
        HmeanResult r = eval(List.of(care(0, 0, 10, 10), care(20, 0, 30, 10)),
                List.of(pred(0.95, 0, 0, 10, 10), pred(0.35, 50, 0, 60, 10), pred(0.5, 20, 0, 30, 10),
                        pred(0.3, 70, 0, 80, 10)));
        assertEquals(0.4, r.threshold());
        assertEquals(1.0, r.hmean());
        assertEquals(2, r.numDets());
    }

    @Test
    void thresholdGridIsNumpyArange() {
        assertArrayEquals(new double[] {0.3, 0.4, 0.5, 0.6000000000000001, 0.7000000000000002,
                0.8000000000000003, 0.9000000000000001}, SweepConfig.DEFAULT.thresholds());
        assertArrayEquals(new double[] {0.0, 0.25, 0.5, 0.75}, new SweepConfig(0.0, 1.0, 0.25).thresholds());
        assertArrayEquals(new double[] {0.5}, SweepConfig.fixed(0.5).thresholds());
        assertThrows(IllegalArgumentException.class, () -> new SweepConfig(0.5, 0.4, 0.1));
        assertThrows(IllegalArgumentException.class, () -> new SweepConfig(1.0, 1.0, 0.1));
    }

    @Test
    void scoreOfExactlyPointSixFailsTheFourthThreshold() {
        // thresholds are 0.3 0.4 0.5 0.6000000000000001 ...: with a single GT/pred pair at score 0.6 every
        // threshold up to 0.5 gives hmean 1, so the best is 0.3; with sweep (0.6, 0.9) the pair is dropped.
        HmeanResult r = new HmeanIou(new SweepConfig(0.55, 0.9, 0.05))
                .evaluate(List.of(List.of(care(0, 0, 10, 10))), List.of(List.of(pred(0.6, 0, 0, 10, 10))));
        assertEquals(0.55, r.threshold());
        HmeanResult at6 = new HmeanIou(SweepConfig.fixed(0.6))
                .evaluate(List.of(List.of(care(0, 0, 10, 10))), List.of(List.of(pred(0.6, 0, 0, 10, 10))));
        assertEquals(0.0, at6.hmean()); // score > 0.6 is required first
    }

    @Test
    void selfIntersectingPredictionIsCleanedWithBuffer0() {
        // bow-tie (0,0) (10,10) (10,0) (0,10): two triangles of area 25 meeting at (5,5); buffer(0) keeps
        // one lobe (JTS and GEOS share the algorithm). Its raw shoelace area is 0.
        double[] bowtie = {0, 0, 10, 10, 10, 0, 0, 10};
        assertEquals(0.0, PolyOps.toPolygon(bowtie).getArea());
        assertEquals(25.0, PolyOps.makeValid(PolyOps.toPolygon(bowtie)).getArea());
        double[] right = {10, 10, 10, 0, 5, 5};
        double[] left = {0, 0, 5, 5, 0, 10};
        double iouRight = PolyOps.iou(PolyOps.toPolygon(bowtie), PolyOps.toPolygon(right));
        double iouLeft = PolyOps.iou(PolyOps.toPolygon(bowtie), PolyOps.toPolygon(left));
        assertEquals(1.0, iouRight + iouLeft, 1e-12); // exactly one lobe survives
        assertEquals(0.0, iouRight * iouLeft, 1e-12);
    }

    @Test
    void bowtieInsideIgnoredGtIsNotIgnoredBecauseItsRawAreaIsZero() {
        // MMOCR divides by the raw polygon area (0 for a symmetric bow-tie) and then uses precision 0.
        HmeanResult r = new HmeanIou(SweepConfig.fixed(0.5)).evaluate(List.of(List.of(ignored(0, 0, 10, 10))),
                List.of(List.of(new PredInstance(new double[] {0, 0, 10, 10, 10, 0, 0, 10}, 0.9))));
        assertEquals(0, r.numGts());
        assertEquals(1, r.numDets());
        assertEquals(1.0, r.recall());
        assertEquals(0.0, r.precision());
    }

    @Test
    void degeneratePolygonsHaveZeroUnionAndIou() {
        double[] line = {0, 0, 10, 0, 20, 0, 30, 0};
        assertEquals(0.0, PolyOps.iou(PolyOps.toPolygon(line), PolyOps.toPolygon(line)));
        HmeanResult r = eval(List.of(GtInstance.care(line)), List.of(new PredInstance(line, 0.9)));
        assertEquals(1, r.numGts());
        assertEquals(0.0, r.hitsRecall());
    }

    @Test
    void mismatchedImageCountsAreRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> metric.evaluate(List.of(List.of()), List.of()));
        assertThrows(IllegalArgumentException.class,
                () -> PredInstance.fromBoundary(new double[] {0, 0, 1, 1}));
    }

    @Test
    void boundaryRowsCarryTheScoreLast() {
        PredInstance p = PredInstance.fromBoundary(new double[] {0, 0, 10, 0, 10, 10, 0, 10, 0.75});
        assertEquals(0.75, p.score());
        assertEquals(8, p.polygon().length);
    }
}
