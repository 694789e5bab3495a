package io.ocrserve.ocr.geom;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.ocrserve.ocr.det.TextPolygon;

class PolygonsTest {
    private static final double[] SQUARE = {0, 0, 10, 0, 10, 10, 0, 10};
    private static final double[] SHIFTED = {5, 0, 15, 0, 15, 10, 5, 10};

    @Test
    void iouAreaAndIntersection() {
        assertEquals(100, Polygons.area(SQUARE), 1e-9);
        assertEquals(50, Polygons.intersectionArea(SQUARE, SHIFTED), 1e-9);
        assertEquals(50.0 / 150, Polygons.iou(SQUARE, SHIFTED), 1e-12);
        assertEquals(0, Polygons.iou(SQUARE, new double[] {20, 20, 30, 20, 30, 30, 20, 30}), 1e-12);
        assertEquals(1, Polygons.iou(new double[] {0, 0, 1, 1}, new double[] {0, 0, 1, 1}, 1), 1e-12);
    }

    @Test
    void invalidBowTieIsFixedByBufferZero() {
        // self-intersecting: buffer(0) keeps one lobe's worth of area, as shapely does
        double[] bowTie = {0, 0, 10, 10, 10, 0, 0, 10};
        double a = Polygons.area(bowTie);
        assertEquals(true, a > 0 && a <= 50, "area " + a);
    }

    @Test
    void nmsKeepsTheBestOfOverlappingPolygons() {
        List<TextPolygon> kept = Polygons.nms(List.of(new TextPolygon(SQUARE, 0.5), new TextPolygon(SHIFTED, 0.9),
                new TextPolygon(new double[] {20, 20, 30, 20, 30, 30, 20, 30}, 0.3)), 0.1);
        assertEquals(2, kept.size());
        assertEquals(0.9, kept.get(0).score());
        assertEquals(0.3, kept.get(1).score());
    }

    @Test
    void clipperOffsetOfASquareMatchesPyclipper() {
        // pyclipper.PyclipperOffset: square 0..10 offset by 1.5 with round joins gives 4 edges + rounded corners
        long[] path = ClipperOffset.offsetPath(new long[] {0, 0, 10, 0, 10, 10, 0, 10}, 1.5);
        double minX = Double.MAX_VALUE, maxX = -Double.MAX_VALUE;
        for (int i = 0; i < path.length; i += 2) {
            minX = Math.min(minX, path[i]);
            maxX = Math.max(maxX, path[i]);
        }
        assertEquals(-2, minX); // round(-1.5) half away from zero
        assertEquals(12, maxX);
        assertEquals(true, ClipperOffset.signedArea(path) > 0);
        long[] grown = Unclip.unclip(new long[] {0, 0, 10, 0, 10, 10, 0, 10}, 1.5); // d = 100 * 1.5 / 40 = 3.75
        double area = Polygons.area(java.util.Arrays.stream(grown).asDoubleStream().toArray());
        // Clipper rounds the offset vertices to integers: the edges land at -4 and 14, i.e. d = 4 in effect
        assertEquals(100 + 4 * 10 * 4 + Math.PI * 4 * 4, area, 3);
    }
}
