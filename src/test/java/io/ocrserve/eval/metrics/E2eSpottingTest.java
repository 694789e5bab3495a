package io.ocrserve.eval.metrics;

import io.ocrserve.eval.GtInstance;
import io.ocrserve.eval.PredInstance;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.ocrserve.eval.metrics.Shapes.rect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class E2eSpottingTest {
    @Test
    void boxAndNormalizedWordMustBothMatch() {
        List<GtInstance> gt = List.of(
                new GtInstance(rect(0, 0, 10, 10), false, "Hello"),
                new GtInstance(rect(20, 0, 30, 10), false, "World"),
                new GtInstance(rect(40, 0, 50, 10), true, "###"));
        List<PredInstance> preds = List.of(
                new PredInstance(rect(0, 0, 10, 9), 0.9, "hello!"),   // IoU 0.9, same word -> hit
                new PredInstance(rect(20, 0, 30, 10), 0.9, "Word"),   // right box, wrong word
                new PredInstance(rect(40, 0, 50, 10), 0.9, "foo"),    // on the ignored GT -> ignored
                new PredInstance(rect(60, 0, 70, 10), 0.9, "x"));     // false positive
        HmeanResult r = new E2eSpotting(SweepConfig.fixed(0.5)).evaluate(List.of(gt), List.of(preds));
        // 2 care GTs, 3 care predictions, 1 hit: r 0.5, p 1/3, h 2 * (1/6) / (5/6) = 0.4
        assertEquals(2, r.numGts());
        assertEquals(3, r.numDets());
        assertEquals(Map.of("e2e-spotting:recall", 0.5, "e2e-spotting:precision", 0.3333,
                "e2e-spotting:hmean", 0.4), r.toMap());
    }

    @Test
    void aWrongWordDoesNotConsumeTheGt() {
        // first prediction has the right box but the wrong word, the second has both: first-fit skips the
        // first (no match) and the GT is still free for the second
        List<GtInstance> gt = List.of(new GtInstance(rect(0, 0, 10, 10), false, "ABC"));
        List<PredInstance> preds = List.of(new PredInstance(rect(0, 0, 10, 10), 0.9, "abd"),
                new PredInstance(rect(0, 0, 10, 9), 0.9, "a.b.c"));
        HmeanResult r = new E2eSpotting(SweepConfig.fixed(0.5)).evaluate(List.of(gt), List.of(preds));
        assertEquals(1.0, r.recall());
        assertEquals(0.5, r.precision());
    }

    @Test
    void missingTextNeverMatches() {
        assertFalse(E2eSpotting.sameWord(null, "a"));
        assertFalse(E2eSpotting.sameWord("a", null));
        assertTrue(E2eSpotting.sameWord("Caf-e", "CAFE"));
    }
}
