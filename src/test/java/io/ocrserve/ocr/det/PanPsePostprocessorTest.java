package io.ocrserve.ocr.det;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.ocrserve.ocr.FloatTensor;

/** Two text instances that touch in the text map must come out separate, at 4x the map coordinates. */
class PanPsePostprocessorTest {
    private static final int H = 40;
    private static final int W = 60;
    private static final int N = H * W;

    private static void fill(float[] d, int channel, int x0, int x1, int y0, int y1, float v) {
        for (int y = y0; y <= y1; y++) {
            for (int x = x0; x <= x1; x++) {
                d[channel * N + y * W + x] = v;
            }
        }
    }

    private static List<TextPolygon> sortedByX(List<TextPolygon> in) {
        return in.stream().sorted(Comparator.comparingDouble(p -> Arrays.stream(p.points()).min().orElse(0)))
                .toList();
    }

    private static double[] sortedQuad(TextPolygon p) {
        double[] xy = p.points();
        double minX = Double.MAX_VALUE, maxX = -1, minY = Double.MAX_VALUE, maxY = -1;
        for (int i = 0; i < xy.length; i += 2) {
            minX = Math.min(minX, xy[i]);
            maxX = Math.max(maxX, xy[i]);
            minY = Math.min(minY, xy[i + 1]);
            maxY = Math.max(maxY, xy[i + 1]);
        }
        return new double[] {minX, minY, maxX, maxY};
    }

    @Test
    void panSeparatesTouchingInstancesByEmbedding() {
        float[] d = new float[6 * N];
        Arrays.fill(d, 0, 2 * N, -5f);
        fill(d, 0, 5, 54, 10, 20, 5f); // one connected text region
        fill(d, 1, 8, 22, 13, 17, 5f); // two kernels
        fill(d, 1, 37, 51, 13, 17, 5f);
        for (int c = 2; c < 6; c++) {
            fill(d, c, 30, 59, 0, 39, 1f); // right half embeds at (1,1,1,1), left at 0
        }
        PanParams p = new PanParams(TextRepr.QUAD, 0.5, 0.5, 0.85, 16, 0.25);
        List<TextPolygon> out = sortedByX(new PanPostprocessor(p).process(new FloatTensor(new long[] {6, H, W}, d)));
        assertEquals(2, out.size());
        assertArrayEquals(new double[] {20, 40, 116, 80}, sortedQuad(out.get(0)), 1e-3);
        assertArrayEquals(new double[] {120, 40, 216, 80}, sortedQuad(out.get(1)), 1e-3);
        assertEquals(1 / (1 + Math.exp(-5)), out.get(0).score(), 1e-5); // float32 sums, as mmcv
    }

    @Test
    void panDropsLowConfidenceInstance() {
        float[] d = new float[6 * N];
        Arrays.fill(d, 0, 2 * N, -5f);
        fill(d, 0, 5, 20, 10, 20, 1f); // sigmoid(1) = 0.73 < 0.85
        fill(d, 1, 8, 15, 13, 17, 5f);
        List<TextPolygon> out = new PanPostprocessor(PanParams.defaults()).process(new FloatTensor(new long[] {6, H, W}, d));
        assertEquals(0, out.size());
    }

    private static float[] pseMaps() {
        float[] d = new float[7 * N];
        Arrays.fill(d, -5f);
        fill(d, 0, 5, 54, 10, 20, 5f);
        for (int c = 1; c < 7; c++) {
            fill(d, c, 8, 22, 13, 17, 5f);
            fill(d, c, 37, 51, 13, 17, 5f);
        }
        return d;
    }

    @Test
    void pseGrowsSmallestKernelsThroughTheTextMask() {
        PseParams p = new PseParams(TextRepr.QUAD, 0.5, 0.85, 0, 16, 0.25);
        List<TextPolygon> out = sortedByX(new PsePostprocessor(p).process(new FloatTensor(new long[] {7, H, W}, pseMaps())));
        assertEquals(2, out.size());
        // BFS meets halfway between the kernels (x 22 and 37): left takes x <= 29, right x >= 30
        assertArrayEquals(new double[] {20, 40, 116, 80}, sortedQuad(out.get(0)), 1e-3);
        assertArrayEquals(new double[] {120, 40, 216, 80}, sortedQuad(out.get(1)), 1e-3);
        assertEquals(1 / (1 + Math.exp(-5)), out.get(0).score(), 1e-6);
    }

    @Test
    void psePolyModeTracesTheInstanceOutline() {
        List<TextPolygon> out = sortedByX(new PsePostprocessor(PseParams.defaults())
                .process(new FloatTensor(new long[] {7, H, W}, pseMaps())));
        assertEquals(2, out.size());
        // a filled rectangle of pixels: CHAIN_APPROX_SIMPLE keeps its 4 corners (times 4)
        assertEquals(4, out.get(0).vertexCount());
        assertArrayEquals(new double[] {20, 40, 116, 80}, sortedQuad(out.get(0)), 1e-3);
    }

    @Test
    void pseMinTextAreaFiltersSmallInstances() {
        float[] d = new float[7 * N];
        Arrays.fill(d, -5f);
        fill(d, 0, 5, 7, 10, 13, 5f); // 12 pixels < 16
        for (int c = 1; c < 7; c++) {
            fill(d, c, 6, 6, 11, 12, 5f);
        }
        assertTrue(new PsePostprocessor(PseParams.defaults()).process(new FloatTensor(new long[] {7, H, W}, d)).isEmpty());
    }
}
