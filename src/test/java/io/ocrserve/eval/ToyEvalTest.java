package io.ocrserve.eval;

import io.ocrserve.eval.datasets.DatasetReaders;
import io.ocrserve.eval.datasets.DetDataset;
import io.ocrserve.eval.datasets.RecDataset;
import io.ocrserve.eval.metrics.HmeanIc13;
import io.ocrserve.eval.metrics.HmeanIou;
import io.ocrserve.eval.metrics.HmeanResult;
import io.ocrserve.eval.metrics.RecogMetrics;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Readers and metrics together on the toy data, with predictions derived from the GT by hand. */
class ToyEvalTest {
    private static final Path TOY = Path.of(System.getProperty("ocrserve.toyData", "/work/shared/data/mmocr-toy"));

    @Test
    void perfectAndHalvedDetections() {
        assumeTrue(Files.isDirectory(TOY));
        DetDataset d = DatasetReaders.openDet("icdar_coco", TOY.resolve("toy_dataset/instances_test.json"), null);
        List<List<GtInstance>> gt = d.groundTruth();
        // every GT box (care and don't-care) predicted exactly, score 0.95: the 61 on don't-care GT are
        // ignored, the 21 care ones all hit
        List<List<PredInstance>> perfect = new ArrayList<>();
        // only care boxes, every second one dropped by a low score (0.31 survives > 0.3 but not >= 0.4)
        List<List<PredInstance>> mixed = new ArrayList<>();
        int care = 0;
        for (List<GtInstance> img : gt) {
            List<PredInstance> p = new ArrayList<>();
            List<PredInstance> m = new ArrayList<>();
            for (GtInstance g : img) {
                p.add(new PredInstance(g.polygon(), 0.95));
                if (!g.ignore()) {
                    m.add(new PredInstance(g.polygon(), care++ % 2 == 0 ? 0.95 : 0.31));
                }
            }
            perfect.add(p);
            mixed.add(m);
        }
        assertEquals(21, care);
        HmeanResult iou = new HmeanIou().evaluate(gt, perfect);
        assertEquals(21, iou.numGts());
        assertEquals(21, iou.numDets());
        assertEquals(Map.of("hmean-iou:recall", 1.0, "hmean-iou:precision", 1.0, "hmean-iou:hmean", 1.0),
                iou.toMap());
        assertEquals(1.0, new HmeanIc13().evaluate(gt, perfect).hmean());
        // thr 0.3 keeps all 21 (hmean 1); higher thresholds keep 11 of 21 -> the sweep reports thr 0.3
        HmeanResult m = new HmeanIou().evaluate(gt, mixed);
        assertEquals(0.3, m.threshold());
        assertEquals(1.0, m.hmean());
    }

    @Test
    void recognitionOnToyLabels() {
        assumeTrue(Files.isDirectory(TOY));
        RecDataset d = DatasetReaders.openRec("ocr_txt", TOY.resolve("ocr_toy_dataset/label.txt"), null);
        List<String> gt = d.texts(); // GRAND HOTEL HOTEL PACIFIC 03/09/2009 ANING Virgin america ATTACK DAVIDSON
        List<String> pred = List.of("GRAND", "hotel", "HOTE", "PACIFIC", "03092009", "ANING", "Virgin",
                "america", "ATTACK", "DAVIDSON");
        Map<String, Double> m = RecogMetrics.evaluate(pred, gt);
        assertEquals(0.7, m.get("word_acc"));                    // 7 exact
        assertEquals(0.8, m.get("word_acc_ignore_case"));        // + hotel
        assertEquals(0.9, m.get("word_acc_ignore_case_symbol")); // + 03092009
        // stripped gt chars 5+5+5+7+8+5+6+7+6+8 = 62, pred 61, tp 61
        assertEquals(0.9839, m.get("char_recall"));              // 61 / 62
        assertEquals(1.0, m.get("char_precision"));
        assertEquals(0.98, m.get("1-N.E.D"));                    // 1 - (1/5) / 10
    }
}
