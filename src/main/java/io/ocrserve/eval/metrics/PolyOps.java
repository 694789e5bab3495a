package io.ocrserve.eval.metrics;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;

/**
 * MMOCR's shapely helpers (mmocr.utils.polygon_utils) on JTS. Package-private on purpose: the shared
 * geometry package lives elsewhere and will be deduplicated later.
 */
final class PolyOps {
    private static final GeometryFactory GF = new GeometryFactory();

    private PolyOps() {
    }

    /**
     * {@code poly2shapely}: MMOCR casts the points to float32 before building the polygon, so we do too
     * (it moves areas in the last digits, which can flip a comparison at exactly 0.5).
     */
    static Polygon toPolygon(double[] xy) {
        int n = xy.length / 2;
        boolean closed = xy[0] == xy[xy.length - 2] && xy[1] == xy[xy.length - 1];
        Coordinate[] c = new Coordinate[closed ? n : n + 1];
        for (int i = 0; i < n; i++) {
            c[i] = new Coordinate((float) xy[2 * i], (float) xy[2 * i + 1]);
        }
        if (!closed) {
            c[n] = c[0].copy();
        }
        if (c.length < 4) {
            return GF.createPolygon(); // shapely refuses these too; an empty polygon has area 0
        }
        return GF.createPolygon(c);
    }

    /** {@code poly_make_valid}: invalid (self-intersecting) polygons are cleaned with buffer(0). */
    static Geometry makeValid(Geometry g) {
        return g.isValid() ? g : g.buffer(0);
    }

    /** {@code poly_intersection} with invalid_ret=None: both sides made valid first. */
    static double intersectionArea(Geometry a, Geometry b) {
        return overlay(a, b, OverlayNG.INTERSECTION);
    }

    static double unionArea(Geometry a, Geometry b) {
        return overlay(a, b, OverlayNG.UNION);
    }

    /** {@code poly_iou}: 0 when the union is empty. */
    static double iou(Geometry a, Geometry b) {
        double inter = intersectionArea(a, b);
        double union = unionArea(a, b);
        return union != 0 ? inter / union : 0.0;
    }

    private static double overlay(Geometry a, Geometry b, int op) {
        Geometry va = makeValid(a);
        Geometry vb = makeValid(b);
        if (!va.isValid() || !vb.isValid()) {
            return 0.0; // MMOCR would get None and fail; buffer(0) output is valid in practice
        }
        if (va.isEmpty() || vb.isEmpty()) {
            return op == OverlayNG.INTERSECTION ? 0.0 : va.getArea() + vb.getArea();
        }
        return OverlayNGRobust.overlay(va, vb, op).getArea();
    }
}
