package io.ocrserve.ocr.det;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.ocrserve.ocr.FloatTensor;

class FceTextSnakePostprocessorTest {
    @Test
    void fceCoefficientsOfACircleReconstructTheCircle() {
        int h = 20;
        int w = 20;
        int n = h * w;
        int k = 5;
        int ncoef = 2 * k + 1;
        float[] d = new float[(4 + 2 * ncoef) * n];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int p = y * w + x;
                boolean in = (x - 10) * (x - 10) + (y - 10) * (y - 10) <= 9;
                d[p] = in ? -5 : 5; // tr
                d[n + p] = in ? 5 : -5;
                d[2 * n + p] = in ? -5 : 5; // tcl
                d[3 * n + p] = in ? 5 : -5;
                // c_0 = (10 - x) + i (10 - y): every pixel regresses the same center (10, 10); c_1 = radius 5
                d[(4 + k) * n + p] = 10 - x;
                d[(4 + ncoef + k) * n + p] = 10 - y;
                d[(4 + k + 1) * n + p] = 5;
            }
        }
        FcePostprocessor fce = new FcePostprocessor(FceParams.defaults());
        List<TextPolygon> out = fce.process(new FloatTensor(new long[] {4 + 2 * ncoef, h, w}, d));
        assertEquals(1, out.size(), "identical polygons are merged by NMS");
        TextPolygon c = out.get(0);
        assertEquals(50, c.vertexCount());
        for (int i = 0; i < 50; i++) {
            double r = Math.hypot(c.points()[2 * i] - 80, c.points()[2 * i + 1] - 80);
            // MMOCR truncates the points to int32: each coordinate may lose up to 1 px
            assertEquals(40, r, Math.sqrt(2), "stride 8: center (80, 80), radius 40");
        }
        double s = 1 / (1 + Math.exp(-10));
        assertEquals(s * s * s, c.score(), 1e-5); // tr^1 * tcl^2
    }

    @Test
    void textSnakeStraightBandGivesOnePolygonAroundIt() {
        int h = 40;
        int w = 100;
        int n = h * w;
        float[] d = new float[5 * n];
        java.util.Arrays.fill(d, 0, 2 * n, -5f);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int p = y * w + x;
                if (y >= 10 && y <= 29 && x >= 10 && x <= 89) {
                    d[p] = 5;
                }
                if (y >= 17 && y <= 22 && x >= 15 && x <= 84) {
                    d[n + p] = 5;
                }
                d[3 * n + p] = 1; // cos = 1, sin = 0: text runs along x
                d[4 * n + p] = 10; // radius
            }
        }
        List<TextPolygon> out = new TextSnakePostprocessor(TextSnakeParams.defaults())
                .process(new FloatTensor(new long[] {5, h, w}, d));
        assertEquals(1, out.size());
        double[] xy = out.get(0).points();
        double minX = 1e9, maxX = -1, minY = 1e9, maxY = -1;
        for (int i = 0; i < xy.length; i += 2) {
            minX = Math.min(minX, xy[i]);
            maxX = Math.max(maxX, xy[i]);
            minY = Math.min(minY, xy[i + 1]);
            maxY = Math.max(maxY, xy[i + 1]);
        }
        // disks of radius int(10 * 1.03) = 10 centred on y = 19 (centre of rows 17..22, truncated)
        assertEquals(9, minY, 1.0);
        assertEquals(29, maxY, 1.0);
        assertTrue(minX <= 10 && minX >= 3, "left end " + minX);
        assertTrue(maxX >= 89 && maxX <= 96, "right end " + maxX);
        assertTrue(out.get(0).score() > 0.85 && out.get(0).score() < 1.0, "score " + out.get(0).score());
    }

    @Test
    void textSnakeIgnoresSmallCenterRegions() {
        int h = 30;
        int w = 30;
        int n = h * w;
        float[] d = new float[5 * n];
        java.util.Arrays.fill(d, 0, 2 * n, -5f);
        for (int y = 10; y <= 13; y++) {
            for (int x = 10; x <= 13; x++) {
                d[y * w + x] = 5;
                d[n + y * w + x] = 5; // center area 9 < 30
            }
        }
        assertTrue(new TextSnakePostprocessor(TextSnakeParams.defaults())
                .process(new FloatTensor(new long[] {5, h, w}, d)).isEmpty());
    }
}
