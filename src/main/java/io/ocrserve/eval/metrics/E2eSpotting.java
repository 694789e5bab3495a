package io.ocrserve.eval.metrics;

import io.ocrserve.eval.GtInstance;
import io.ocrserve.eval.PredInstance;

import java.util.List;

/**
 * End-to-end word spotting (not an MMOCR 0.6.3 metric; built on hmean-iou's rules): a care GT word is found
 * when a prediction overlaps it with IoU &gt; 0.5 and both texts are equal after lowercasing and removing
 * symbols ({@link RecogMetrics#normalize}). Ignored GTs and the 0.5 precision rule for predictions are as
 * in hmean-iou; matching is greedy first-fit; the same score sweep is applied. A care GT without text can
 * never be found.
 */
public final class E2eSpotting {
    public static final String METRIC = "e2e-spotting";
    private final SweepConfig sweep;

    public E2eSpotting() {
        this(SweepConfig.DEFAULT);
    }

    public E2eSpotting(SweepConfig sweep) {
        this.sweep = sweep;
    }

    public HmeanResult evaluate(List<List<GtInstance>> gts, List<List<PredInstance>> preds) {
        return Sweep.run(METRIC, sweep, gts, preds, this::evalImage);
    }

    Sweep.Counts evalImage(List<GtInstance> gts, List<PredInstance> preds) {
        ImagePolys im = new ImagePolys(gts, preds, 0.5);
        int hits = HmeanIou.greedyMatch(im, 0.5, (g, p) -> sameWord(im.gt.get(g).text(), im.pred.get(p).text()));
        return new Sweep.Counts(im.careGts, im.carePreds(), hits, hits);
    }

    static boolean sameWord(String gt, String pred) {
        return gt != null && pred != null && RecogMetrics.normalize(gt).equals(RecogMetrics.normalize(pred));
    }
}
