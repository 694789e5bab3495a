package io.ocrserve.eval.datasets;

import io.ocrserve.eval.GtInstance;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DetReadersTest {
    static DetDataset coco;
    static DetDataset jsonl;
    static DetDataset txt;

    @BeforeAll
    static void read() {
        ToyData.assumePresent();
        coco = DatasetReaders.openDet("icdar_coco", ToyData.DET.resolve("instances_test.json"),
                ToyData.DET.resolve("imgs"));
        jsonl = DatasetReaders.openDet("textdet_jsonl", ToyData.DET.resolve("instances_test.txt"),
                ToyData.DET.resolve("imgs"));
        txt = DatasetReaders.openDet("icdar_txt", ToyData.DET.resolve("annotations/test"),
                ToyData.DET.resolve("imgs/test"));
    }

    @Test
    void countsAgreeAcrossTheThreeFormats() {
        for (DetDataset d : List.of(coco, jsonl, txt)) {
            assertEquals(10, d.size(), d.format());
            assertEquals(82, d.instanceCount(), d.format());
            assertEquals(61, d.ignoredCount(), d.format());
            assertEquals(List.of(), d.skipped(), d.format());
        }
    }

    @Test
    void sameImagesSameBoxesSameFlags() {
        Map<String, DetSample> a = byBaseName(coco);
        Map<String, DetSample> b = byBaseName(jsonl);
        Map<String, DetSample> c = byBaseName(txt);
        assertEquals(a.keySet(), c.keySet());
        assertEquals(a.keySet(), b.keySet());
        for (String k : a.keySet()) {
            List<GtInstance> x = a.get(k).instances();
            List<GtInstance> y = b.get(k).instances();
            List<GtInstance> z = c.get(k).instances();
            assertEquals(x.size(), z.size(), k);
            for (int i = 0; i < x.size(); i++) {
                assertArrayEquals(x.get(i).polygon(), y.get(i).polygon(), k + " #" + i);
                assertArrayEquals(x.get(i).polygon(), z.get(i).polygon(), k + " #" + i);
                assertEquals(x.get(i).ignore(), z.get(i).ignore(), k + " #" + i);
                assertEquals(x.get(i).ignore(), y.get(i).ignore(), k + " #" + i);
            }
            assertEquals(1280, c.get(k).width(), k);  // txt: read from the JPEG header
            assertEquals(720, c.get(k).height(), k);
            assertEquals(a.get(k).width(), c.get(k).width());
        }
        // per-image counts (img_6: 20 boxes, 18 ignored; img_2: 2 boxes, none ignored)
        assertEquals(20, c.get("img_6.jpg").instances().size());
        assertEquals(18, c.get("img_6.jpg").ignoredCount());
        assertEquals(2, a.get("img_2.jpg").instances().size());
        assertEquals(0, a.get("img_2.jpg").ignoredCount());
    }

    @Test
    void firstBoxesAsInTheFiles() {
        DetSample first = coco.samples().get(0);
        assertEquals("test/img_10.jpg", first.file());
        assertEquals(1280, first.width());
        assertEquals(720, first.height());
        GtInstance g = first.instances().get(0);
        assertArrayEquals(new double[] {261, 138, 284, 140, 279, 158, 260, 158}, g.polygon());
        assertTrue(g.ignore());
        assertNull(g.text()); // the COCO file has no transcriptions
        // txt: natural order img_1, img_2, ..., img_10; BOM removed from the first line
        assertEquals("img_1.jpg", txt.samples().get(0).file());
        assertEquals("img_10.jpg", txt.samples().get(9).file());
        GtInstance t = txt.samples().get(0).instances().get(0);
        assertArrayEquals(new double[] {377, 117, 463, 117, 465, 130, 378, 130}, t.polygon());
        assertEquals("Genaxis Theatre", t.text());
        GtInstance h = byBaseName(txt).get("img_10.jpg").instances().get(1);
        assertEquals("HarbourFront", h.text());
    }

    private static Map<String, DetSample> byBaseName(DetDataset d) {
        Map<String, DetSample> m = new TreeMap<>();
        for (DetSample s : d.samples()) {
            m.put(Path.of(s.file()).getFileName().toString(), s);
        }
        return m;
    }
}
