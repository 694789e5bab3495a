package io.ocrserve.eval.metrics;

import io.ocrserve.eval.GtInstance;
import io.ocrserve.eval.PredInstance;

import java.util.List;

/**
 * MMOCR 0.6.3 {@code hmean-iou}: greedy first-fit one-to-one matching with IoU &gt; 0.5, micro-averaged over
 * the dataset, best hmean over the score-threshold sweep.
 */
public final class HmeanIou {
    public static final String METRIC = "hmean-iou";
    private final SweepConfig sweep;
    private final double iouThr;
    private final double precisionThr;

    public HmeanIou() {
        this(SweepConfig.DEFAULT);
    }

    public HmeanIou(SweepConfig sweep) {
        this(sweep, 0.5, 0.5);
    }

    /** @param precisionThr a prediction covering more than this share of its area with an ignored GT is ignored */
    public HmeanIou(SweepConfig sweep, double iouThr, double precisionThr) {
        this.sweep = sweep;
        this.iouThr = iouThr;
        this.precisionThr = precisionThr;
    }

    /** One list per image, in the same order for GT and predictions. */
    public HmeanResult evaluate(List<List<GtInstance>> gts, List<List<PredInstance>> preds) {
        return Sweep.run(METRIC, sweep, gts, preds, this::evalImage);
    }

    Sweep.Counts evalImage(List<GtInstance> gts, List<PredInstance> preds) {
        ImagePolys im = new ImagePolys(gts, preds, precisionThr);
        int hits = greedyMatch(im, iouThr, (g, p) -> true);
        return new Sweep.Counts(im.careGts, im.carePreds(), hits, hits);
    }

    interface PairFilter {
        boolean accept(int gt, int pred);
    }

    /** For each GT in order, the first unmatched prediction with IoU &gt; thr (both cared about). */
    static int greedyMatch(ImagePolys im, double iouThr, PairFilter filter) {
        int gtNum = im.gtNum();
        int predNum = im.predNum();
        if (gtNum == 0 || predNum == 0) {
            return 0;
        }
        boolean[] gtHit = new boolean[gtNum];
        boolean[] predHit = new boolean[predNum];
        int hits = 0;
        for (int g = 0; g < gtNum; g++) {
            if (im.gtIgnored(g)) {
                continue;
            }
            for (int p = 0; p < predNum; p++) {
                if (gtHit[g] || predHit[p] || im.predIgnored[p]) {
                    continue;
                }
                if (PolyOps.iou(im.predPolys.get(p), im.gtPolys.get(g)) > iouThr && filter.accept(g, p)) {
                    gtHit[g] = true;
                    predHit[p] = true;
                    hits++;
                }
            }
        }
        return hits;
    }
}
