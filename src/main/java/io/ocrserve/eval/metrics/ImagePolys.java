package io.ocrserve.eval.metrics;

import io.ocrserve.eval.GtInstance;
import io.ocrserve.eval.PredInstance;
import org.locationtech.jts.geom.Polygon;

import java.util.ArrayList;
import java.util.List;

/**
 * One image prepared as MMOCR does: GT polygons are care GTs (in order) followed by ignored GTs, and a
 * prediction is ignored when area(pred ∩ ignored gt) / area(pred) &gt; precisionThr for any ignored GT.
 */
final class ImagePolys {
    final List<GtInstance> gt = new ArrayList<>();
    final List<Polygon> gtPolys = new ArrayList<>();
    final int careGts;
    final List<PredInstance> pred;
    final List<Polygon> predPolys = new ArrayList<>();
    final boolean[] predIgnored;
    final int ignoredPreds;

    ImagePolys(List<GtInstance> gts, List<PredInstance> preds, double precisionThr) {
        for (GtInstance g : gts) {
            if (!g.ignore()) {
                gt.add(g);
            }
        }
        careGts = gt.size();
        for (GtInstance g : gts) {
            if (g.ignore()) {
                gt.add(g);
            }
        }
        for (GtInstance g : gt) {
            gtPolys.add(PolyOps.toPolygon(g.polygon()));
        }
        pred = preds;
        predIgnored = new boolean[preds.size()];
        int ignored = 0;
        for (int j = 0; j < preds.size(); j++) {
            Polygon p = PolyOps.toPolygon(preds.get(j).polygon());
            predPolys.add(p);
            // the denominator is the raw (not made valid) area, as in MMOCR's ignore_pred
            double area = p.getArea();
            for (int k = careGts; k < gt.size(); k++) {
                double inter = PolyOps.intersectionArea(p, gtPolys.get(k));
                double precision = area == 0 ? 0 : inter / area;
                if (precision > precisionThr) {
                    predIgnored[j] = true;
                    ignored++;
                    break;
                }
            }
        }
        ignoredPreds = ignored;
    }

    int gtNum() {
        return gt.size();
    }

    int predNum() {
        return pred.size();
    }

    boolean gtIgnored(int i) {
        return i >= careGts;
    }

    int carePreds() {
        return pred.size() - ignoredPreds;
    }
}
