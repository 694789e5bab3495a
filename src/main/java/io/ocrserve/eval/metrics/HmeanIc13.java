package io.ocrserve.eval.metrics;

import io.ocrserve.eval.GtInstance;
import io.ocrserve.eval.PredInstance;

import java.util.ArrayList;
import java.util.List;

/**
 * MMOCR 0.6.3 {@code hmean-ic13} ({@code eval_hmean_ic13}): area recall/precision matrices, then one-to-one
 * (recall &gt; 0.8, precision &gt; 0.4, unique in its row and column, normalized centre distance &lt; 1),
 * one-to-many and many-to-one passes; weights 1.0 / 0.8 / 1.0. Predictions over ignored GTs use the 0.4
 * precision threshold. Same score sweep as hmean-iou.
 */
public final class HmeanIc13 {
    public static final String METRIC = "hmean-ic13";
    private static final double PRECISION_THR = 0.4;
    private static final double RECALL_THR = 0.8;
    private static final double CENTER_DIST_THR = 1.0;
    private static final double ONE2ONE = 1.0;
    private static final double ONE2MANY = 0.8;
    private static final double MANY2ONE = 1.0;
    private final SweepConfig sweep;

    public HmeanIc13() {
        this(SweepConfig.DEFAULT);
    }

    public HmeanIc13(SweepConfig sweep) {
        this.sweep = sweep;
    }

    public HmeanResult evaluate(List<List<GtInstance>> gts, List<List<PredInstance>> preds) {
        return Sweep.run(METRIC, sweep, gts, preds, this::evalImage);
    }

    Sweep.Counts evalImage(List<GtInstance> gts, List<PredInstance> preds) {
        ImagePolys im = new ImagePolys(gts, preds, PRECISION_THR);
        int gtNum = im.gtNum();
        int predNum = im.predNum();
        double accRecall = 0;
        double accPrecision = 0;
        if (gtNum > 0 && predNum > 0) {
            double[][] rec = new double[gtNum][predNum];
            double[][] prec = new double[gtNum][predNum];
            for (int g = 0; g < gtNum; g++) {
                for (int p = 0; p < predNum; p++) {
                    double inter = PolyOps.intersectionArea(im.predPolys.get(p), im.gtPolys.get(g));
                    double ga = im.gtPolys.get(g).getArea(); // raw areas, as compute_recall_precision
                    double pa = im.predPolys.get(p).getArea();
                    rec[g][p] = ga != 0 ? inter / ga : 0;
                    prec[g][p] = pa != 0 ? inter / pa : 0;
                }
            }
            boolean[] gtHit = new boolean[gtNum];
            boolean[] predHit = new boolean[predNum];
            // one to one
            for (int g = 0; g < gtNum; g++) {
                for (int p = 0; p < predNum; p++) {
                    if (gtHit[g] || predHit[p] || im.gtIgnored(g) || im.predIgnored[p]) {
                        continue;
                    }
                    if (one2one(g, p, rec, prec)
                            && normCenterDist(im.pred.get(p).polygon(), im.gt.get(g).polygon()) < CENTER_DIST_THR) {
                        gtHit[g] = true;
                        predHit[p] = true;
                        accRecall += ONE2ONE;
                        accPrecision += ONE2ONE;
                    }
                }
            }
            // one gt to many predictions
            for (int g = 0; g < gtNum; g++) {
                if (im.gtIgnored(g)) {
                    continue;
                }
                double sum = 0;
                List<Integer> ids = new ArrayList<>();
                for (int p = 0; p < predNum; p++) {
                    if (!gtHit[g] && !predHit[p] && !im.predIgnored[p] && prec[g][p] >= PRECISION_THR) {
                        sum += rec[g][p];
                        ids.add(p);
                    }
                }
                if (sum >= RECALL_THR) {
                    gtHit[g] = true;
                    accRecall += ONE2MANY;
                    accPrecision += ONE2MANY * ids.size();
                    ids.forEach(p -> predHit[p] = true);
                }
            }
            // many gts to one prediction
            for (int p = 0; p < predNum; p++) {
                if (im.predIgnored[p]) {
                    continue;
                }
                double sum = 0;
                List<Integer> ids = new ArrayList<>();
                for (int g = 0; g < gtNum; g++) {
                    if (!gtHit[g] && !predHit[p] && !im.gtIgnored(g) && rec[g][p] >= RECALL_THR) {
                        sum += prec[g][p];
                        ids.add(g);
                    }
                }
                if (sum >= PRECISION_THR) {
                    predHit[p] = true;
                    accRecall += MANY2ONE * ids.size();
                    accPrecision += MANY2ONE;
                    ids.forEach(g -> gtHit[g] = true);
                }
            }
        }
        return new Sweep.Counts(im.careGts, im.carePreds(), accRecall, accPrecision);
    }

    /**
     * {@code one2one_match_ic13}: the pair passes both thresholds and is the only passing pair in its GT row
     * and in its prediction column. Rows and columns include ignored and already matched entries, as MMOCR.
     */
    static boolean one2one(int g, int p, double[][] rec, double[][] prec) {
        int cont = 0;
        for (int i = 0; i < rec[g].length; i++) {
            if (rec[g][i] > RECALL_THR && prec[g][i] > PRECISION_THR) {
                cont++;
            }
        }
        if (cont != 1) {
            return false;
        }
        cont = 0;
        for (int i = 0; i < rec.length; i++) {
            if (rec[i][p] > RECALL_THR && prec[i][p] > PRECISION_THR) {
                cont++;
            }
        }
        return cont == 1 && rec[g][p] > RECALL_THR && prec[g][p] > PRECISION_THR;
    }

    /**
     * Centre distance (mean of all vertices) times 2 over the sum of both diagonals, a diagonal being the
     * distance from vertex 0 to vertex 2 ({@code box_diag}; MMOCR asserts 4-point boxes there, we take
     * vertices 0 and 2 of any polygon). Uses the unrounded points, as MMOCR does.
     */
    static double normCenterDist(double[] det, double[] gt) {
        double[] cd = center(det);
        double[] cg = center(gt);
        double dist = Math.sqrt(sq(cg[0] - cd[0]) + sq(cg[1] - cd[1]));
        return dist / (diag(det) + diag(gt)) * 2.0;
    }

    private static double[] center(double[] xy) {
        double sx = 0;
        double sy = 0;
        int n = xy.length / 2;
        for (int i = 0; i < n; i++) {
            sx += xy[2 * i];
            sy += xy[2 * i + 1];
        }
        return new double[] {sx / n, sy / n};
    }

    private static double diag(double[] xy) {
        return Math.sqrt(sq(xy[4] - xy[0]) + sq(xy[5] - xy[1]));
    }

    private static double sq(double v) {
        return v * v;
    }
}
