package io.ocrserve.ocr.det;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Comparator;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.ocrserve.ocr.FloatTensor;
import io.ocrserve.ocr.geom.Polygons;

class DbPostprocessorTest {
    private static final int W = 320;
    private static final int H = 200;

    private static FloatTensor twoRects(float secondValue) {
        float[] map = new float[W * H];
        SyntheticMaps.rotatedRect(map, W, H, 100, 60, 120, 30, 20, 0.9f);
        SyntheticMaps.rotatedRect(map, W, H, 220, 150, 100, 24, -10, secondValue);
        return new FloatTensor(new long[] {1, H, W}, map);
    }

    /** Expected quad: the rectangle grown by the unclip distance area * 1.5 / perimeter on every side. */
    private static double[] grown(double cx, double cy, double rw, double rh, double angle) {
        double d = rw * rh * 1.5 / (2 * (rw + rh));
        return SyntheticMaps.corners(cx, cy, rw + 2 * d, rh + 2 * d, angle);
    }

    @Test
    void twoRotatedRectanglesGiveTwoUnclippedQuads() {
        DbParams p = new DbParams(TextRepr.QUAD, 0.3, 0.3, 5, 1.5, 0.01, 3000);
        List<TextPolygon> out = new DbPostprocessor(p).process(twoRects(0.8f));
        assertEquals(2, out.size());
        out = out.stream().sorted(Comparator.comparingDouble(t -> t.points()[0])).toList();
        // pixel centers span (size - 1) along each side, which is what the contour sees
        double[] e1 = grown(100, 60, 119, 29, 20);
        double[] e2 = grown(220, 150, 99, 23, -10);
        TextPolygon a = out.get(0).points()[0] < 150 ? out.get(0) : out.get(1);
        TextPolygon b = a == out.get(0) ? out.get(1) : out.get(0);
        assertEquals(4, a.vertexCount());
        assertTrue(SyntheticMaps.maxCornerError(e1, a.points()) < 1.0, () -> java.util.Arrays.toString(a.points()));
        assertTrue(SyntheticMaps.maxCornerError(e2, b.points()) < 1.0, () -> java.util.Arrays.toString(b.points()));
        assertEquals(0.9, a.score(), 0.02); // the approximated polygon takes in a few border pixels
        assertEquals(0.8, b.score(), 0.02);
        // clockwise in image coordinates, as cv2.boxPoints gives them
        assertTrue(Polygons.signedArea(a.points()) > 0);
    }

    @Test
    void lowScoreRegionIsFilteredByMinTextScore() {
        DbParams p = new DbParams(TextRepr.QUAD, 0.3, 0.6, 5, 1.5, 0.01, 3000);
        List<TextPolygon> out = new DbPostprocessor(p).process(twoRects(0.5f));
        assertEquals(1, out.size());
        assertEquals(0.9, out.get(0).score(), 0.02);
    }

    @Test
    void polyModeReturnsTheGrownPolygon() {
        List<TextPolygon> out = new DbPostprocessor(DbParams.defaults()).process(twoRects(0.8f));
        assertEquals(2, out.size());
        for (TextPolygon t : out) {
            assertTrue(t.vertexCount() > 4, "round joins add arc vertices");
            assertTrue(Polygons.signedArea(t.points()) > 0, "clockwise");
        }
        TextPolygon a = out.stream().filter(t -> t.points()[0] < 180).findFirst().orElseThrow();
        double d = 119 * 29 * 1.5 / (2 * (119 + 29));
        double expectedArea = 119 * 29 + 2 * d * (119 + 29) + Math.PI * d * d;
        assertEquals(expectedArea, Polygons.area(a.points()), expectedArea * 0.03);
    }

    @Test
    void thinRegionBelowMinTextWidthIsDropped() {
        float[] map = new float[W * H];
        SyntheticMaps.rotatedRect(map, W, H, 150, 100, 100, 1, 0, 0.9f); // 2 px tall line
        List<TextPolygon> out = new DbPostprocessor(new DbParams(TextRepr.QUAD, 0.3, 0.3, 5, 1.5, 0.01, 3000))
                .process(new FloatTensor(new long[] {H, W}, map));
        assertEquals(0, out.size());
    }

    @Test
    void axisAlignedBoxHasExactScoreAndCorners() {
        float[] map = new float[W * H];
        for (int y = 50; y <= 80; y++) {
            for (int x = 40; x <= 140; x++) {
                map[y * W + x] = 0.75f;
            }
        }
        List<TextPolygon> out = new DbPostprocessor(new DbParams(TextRepr.QUAD, 0.3, 0.3, 5, 1.5, 0.01, 3000))
                .process(new FloatTensor(new long[] {H, W}, map));
        assertEquals(1, out.size());
        assertEquals(0.75, out.get(0).score(), 1e-7);
        // contour 40..140 x 50..80: area 3000, perimeter 260, d = 17.31; Clipper rounds the offset to integers
        double[] expected = {23, 33, 157, 33, 157, 97, 23, 97};
        assertTrue(SyntheticMaps.maxCornerError(expected, out.get(0).points()) <= 1.0,
                () -> java.util.Arrays.toString(out.get(0).points()));
    }
}
