package io.ocrserve.ocr.rec;

import io.ocrserve.ocr.FloatTensor;
import io.ocrserve.ocr.image.Image;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class RecPreprocessorTest {
    static Image solid(int w, int h, int b, int g, int r) {
        byte[] d = new byte[w * h * 3];
        for (int i = 0; i < w * h; i++) {
            d[3 * i] = (byte) b;
            d[3 * i + 1] = (byte) g;
            d[3 * i + 2] = (byte) r;
        }
        return new Image(w, h, 3, d);
    }

    private static void assertPlan(RecPreprocessor p, int w, int h, int resize, int out, double valid) {
        ResizePlan plan = p.plan(w, h);
        assertEquals(new ResizePlan(resize, out, valid), plan, w + "x" + h);
    }

    @Test
    void crnnWidths() {
        RecPreprocessor p = new RecPreprocessor(RecPreprocessConfig.crnn());
        assertPlan(p, 100, 20, 160, 160, 1.0);  // ceil(160) already a multiple of 16
        assertPlan(p, 50, 32, 48, 48, 1.0);     // 50 -> round(3.125) * 16
        assertPlan(p, 40, 32, 32, 32, 1.0);     // 40 -> round(2.5) = 2 (half to even) -> 32
        assertPlan(p, 24, 32, 32, 32, 1.0);     // 24 -> round(1.5) = 2 -> 32
        assertPlan(p, 10, 40, 32, 32, 1.0);     // 8 -> round(0.5) = 0 -> min width 32
        assertPlan(p, 7, 3, 80, 80, 1.0);       // ceil(74.67) = 75 -> round(4.6875) = 5 -> 80
    }

    @Test
    void sarWidthsAndValidRatio() {
        RecPreprocessor p = new RecPreprocessor(RecPreprocessConfig.sar());
        assertPlan(p, 200, 48, 160, 160, 1.0);
        assertPlan(p, 60, 48, 60, 160, 0.375);
        assertPlan(p, 10, 48, 48, 160, 0.3);   // 10 -> round(2.5) * 4 = 8 -> min 48
        assertPlan(p, 100, 30, 160, 160, 1.0); // ceil(48 / 30 * 100) = 160
    }

    @Test
    void masterAndFixed() {
        assertPlan(new RecPreprocessor(RecPreprocessConfig.master()), 100, 48, 96, 160, 0.6);
        assertPlan(new RecPreprocessor(RecPreprocessConfig.satrn()), 500, 20, 100, 100, 1.0);
        assertPlan(new RecPreprocessor(RecPreprocessConfig.abinet()), 5, 50, 128, 128, 1.0);
    }

    @Test
    void ppocrWidthsShareBatchRatio() {
        RecPreprocessor p = new RecPreprocessor(RecPreprocessConfig.ppocr());
        RecInput alone = p.preprocess(solid(100, 32, 255, 255, 255));
        assertEquals(320, alone.width());
        assertEquals(48, alone.height());
        assertEquals(1.0, alone.validRatio());
        List<RecInput> batch = p.preprocessBatch(List.of(solid(100, 32, 255, 255, 255), solid(500, 25, 0, 0, 0)));
        assertEquals(960, batch.get(0).width());
        assertEquals(960, batch.get(1).width());
        float[] chw = batch.get(0).chw();
        // resized to ceil(48 * 100 / 32) = 150 columns of 1.0, then 0 padding (after normalization)
        assertEquals(1f, chw[149]);
        assertEquals(0f, chw[150]);
        assertEquals(-1f, batch.get(1).chw()[959]);
    }

    @Test
    void sarNormalizationAndPixelPadding() {
        RecPreprocessor p = new RecPreprocessor(RecPreprocessConfig.sar());
        RecInput in = p.preprocess(solid(60, 48, 255, 0, 255));
        assertEquals(3 * 48 * 160, in.chw().length);
        int plane = 48 * 160;
        assertEquals(1f, in.chw()[0]);          // B 255 -> 1
        assertEquals(-1f, in.chw()[plane]);     // G 0 -> -1
        assertEquals(1f, in.chw()[2 * plane + 59]);
        assertEquals(-1f, in.chw()[2 * plane + 60]); // padding is pixel 0, normalized to -1
    }

    @Test
    void crnnGrayNormalization() {
        RecPreprocessor p = new RecPreprocessor(RecPreprocessConfig.crnn());
        RecInput in = p.preprocess(solid(64, 32, 10, 20, 30)); // gray = 0.114*10 + 0.587*20 + 0.299*30 = 21.85 -> 22
        assertEquals(1, in.channels());
        assertEquals(64, in.width());
        assertEquals((22f - 127f) / 127f, in.chw()[0]);
        assertEquals((22f - 127f) / 127f, in.chw()[32 * 64 - 1]);
    }

    @Test
    void imagenetNormalization() {
        RecInput in = new RecPreprocessor(RecPreprocessConfig.nrtr()).preprocess(solid(32, 32, 255, 0, 51));
        int plane = 32 * 160;
        assertEquals((1f - 0.485f) / 0.229f, in.chw()[0], 1e-6);
        assertEquals((0f - 0.456f) / 0.224f, in.chw()[plane], 1e-6);
        assertEquals((0.2f - 0.406f) / 0.225f, in.chw()[2 * plane], 1e-6);
        assertEquals(0.2, in.validRatio());
    }

    @Test
    void resizeIsBilinear() {
        // 2x1 gray-ish image [0, 100] -> width 4: cv2 INTER_LINEAR gives 0, 25, 75, 100
        Image img = new Image(2, 1, 3, new byte[] {0, 0, 0, 100, 100, 100});
        Image r = RecResize.resize(img, 4, 1);
        assertEquals(List.of(0, 25, 75, 100),
                Arrays.stream(new int[] {0, 1, 2, 3}).map(x -> r.at(x, 0, 0)).boxed().toList());
    }

    @Test
    void stackPadsRight() {
        RecInput a = new RecInput(new float[] {1, 2, 3, 4}, 1, 2, 2, 1);
        RecInput b = new RecInput(new float[] {5, 6, 7, 8, 9, 10}, 1, 2, 3, 1);
        FloatTensor t = RecPreprocessor.stack(List.of(a, b));
        assertArrayEquals(new long[] {2, 1, 2, 3}, t.shape());
        assertArrayEquals(new float[] {1, 2, 0, 3, 4, 0, 5, 6, 7, 8, 9, 10}, t.data());
    }

    @Test
    void groupingAndRestore() {
        double[] ratios = {5.0, 1.0, 3.0, 1.0, 2.0};
        List<int[]> groups = RecBatching.groupByAspectRatio(ratios, 2);
        assertEquals(3, groups.size());
        assertArrayEquals(new int[] {1, 3}, groups.get(0));
        assertArrayEquals(new int[] {4, 2}, groups.get(1));
        assertArrayEquals(new int[] {0}, groups.get(2));
        List<String> back = RecBatching.restoreOrder(5, groups,
                List.of(List.of("r1", "r3"), List.of("r4", "r2"), List.of("r0")));
        assertEquals(List.of("r0", "r1", "r2", "r3", "r4"), back);
    }

    @Test
    void rotationCandidatesAndChoice() {
        // 1 wide, 2 tall, 1 channel: [a; b]
        Image tall = new Image(1, 2, 1, new byte[] {1, 2});
        List<Image> c = RotationTta.candidates(tall);
        assertEquals(3, c.size());
        assertArrayEquals(new byte[] {1, 2}, c.get(1).data()); // rot90 of column [1;2] -> row [1 2]
        assertArrayEquals(new byte[] {2, 1}, c.get(2).data()); // rot270 -> row [2 1]
        assertEquals(2, c.get(1).width());
        assertEquals(1, RotationTta.candidates(solid(3, 3, 0, 0, 0)).size());

        // 2x2 [[1,2],[3,4]]: rot90 -> [[2,4],[1,3]], rot270 -> [[3,1],[4,2]]
        Image sq = new Image(2, 2, 1, new byte[] {1, 2, 3, 4});
        assertArrayEquals(new byte[] {2, 4, 1, 3}, RotationTta.rotate90(sq).data());
        assertArrayEquals(new byte[] {3, 1, 4, 2}, RotationTta.rotate270(sq).data());

        RecResult a = RecResult.of("ab", new double[] {0.5, 0.5});
        RecResult b = RecResult.of("xy", new double[] {0.9, 0.9});
        RecResult d = RecResult.of("zz", new double[] {0.9, 0.9});
        assertEquals("xy", RotationTta.select(List.of(a, b, d)).text());
    }
}
