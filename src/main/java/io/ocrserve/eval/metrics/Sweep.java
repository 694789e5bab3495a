package io.ocrserve.eval.metrics;

import io.ocrserve.eval.GtInstance;
import io.ocrserve.eval.PredInstance;

import java.util.ArrayList;
import java.util.List;

/** MMOCR {@code eval_hmean}: filter by score, evaluate every threshold, keep the first strictly best hmean. */
final class Sweep {
    /** Per-image counts: care GTs, care predictions, accumulated hits for recall and for precision. */
    record Counts(int gts, int dets, double hitRecall, double hitPrecision) {
    }

    interface ImageEval {
        Counts eval(List<GtInstance> gts, List<PredInstance> preds);
    }

    private Sweep() {
    }

    static HmeanResult run(String metric, SweepConfig cfg, List<List<GtInstance>> gts,
                           List<List<PredInstance>> preds, ImageEval ev) {
        if (gts.size() != preds.size()) {
            throw new IllegalArgumentException(
                    "ground truth has " + gts.size() + " images but predictions have " + preds.size());
        }
        List<List<PredInstance>> valid = new ArrayList<>(preds.size());
        for (List<PredInstance> img : preds) {
            valid.add(img.stream().filter(p -> p.score() > cfg.minScoreThr()).toList());
        }
        HmeanResult best = null;
        for (double thr : cfg.thresholds()) {
            int g = 0;
            int d = 0;
            double hr = 0;
            double hp = 0;
            for (int i = 0; i < gts.size(); i++) {
                List<PredInstance> top = valid.get(i).stream().filter(p -> p.score() >= thr).toList();
                Counts c = ev.eval(gts.get(i), top);
                g += c.gts();
                d += c.dets();
                hr += c.hitRecall();
                hp += c.hitPrecision();
            }
            double[] rph = compute(hr, hp, g, d);
            if (best == null || rph[2] > best.hmean()) {
                best = new HmeanResult(metric, rph[0], rph[1], rph[2], thr, g, d, hr, hp);
            }
        }
        return best;
    }

    /** {@code compute_hmean}: no GT gives recall 1 and precision 1 only if there is no prediction either. */
    static double[] compute(double hitRecall, double hitPrecision, int gtNum, int predNum) {
        double recall;
        double precision;
        if (gtNum == 0) {
            recall = 1.0;
            precision = predNum > 0 ? 0.0 : 1.0;
        } else {
            recall = hitRecall / gtNum;
            precision = predNum == 0 ? 0.0 : hitPrecision / predNum;
        }
        double denom = recall + precision;
        double hmean = denom == 0 ? 0.0 : 2.0 * precision * recall / denom;
        return new double[] {recall, precision, hmean};
    }
}
