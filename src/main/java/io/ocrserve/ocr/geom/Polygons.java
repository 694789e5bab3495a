package io.ocrserve.ocr.geom;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;

import io.ocrserve.ocr.det.TextPolygon;

/**
 * Polygon areas, intersections and IoU as MMOCR 0.6.3 computes them with shapely (an invalid polygon is
 * replaced by {@code buffer(0)}), plus the polygon NMS of FCENet. Points are flat {@code [x0, y0, x1, y1, ...]}.
 */
public final class Polygons {
    public static final GeometryFactory FACTORY = new GeometryFactory();

    private Polygons() {
    }

    /** A JTS polygon over the points (ring closed here); empty when there are fewer than 3 vertices. */
    public static Polygon toPolygon(double[] xy) {
        int n = xy.length / 2;
        if (n < 3) {
            return FACTORY.createPolygon();
        }
        Coordinate[] cs = new Coordinate[n + 1];
        for (int i = 0; i < n; i++) {
            cs[i] = new Coordinate(xy[2 * i], xy[2 * i + 1]);
        }
        cs[n] = cs[0];
        return FACTORY.createPolygon(cs);
    }

    /** MMOCR's poly_make_valid: the polygon itself if valid, else {@code buffer(0)}. */
    public static Geometry makeValid(Geometry g) {
        return g.isValid() ? g : g.buffer(0);
    }

    public static double area(double[] xy) {
        return makeValid(toPolygon(xy)).getArea();
    }

    public static double intersectionArea(double[] a, double[] b) {
        return intersectionArea(makeValid(toPolygon(a)), makeValid(toPolygon(b)));
    }

    public static double intersectionArea(Geometry a, Geometry b) {
        if (a.isEmpty() || b.isEmpty() || !a.getEnvelopeInternal().intersects(b.getEnvelopeInternal())) {
            return 0;
        }
        return a.intersection(b).getArea();
    }

    /** Intersection over union; {@code zeroDivision} when the union is empty (MMOCR eval: 0, FCE NMS: 1). */
    public static double iou(double[] a, double[] b, double zeroDivision) {
        return iou(makeValid(toPolygon(a)), makeValid(toPolygon(b)), zeroDivision);
    }

    public static double iou(double[] a, double[] b) {
        return iou(a, b, 0);
    }

    /** IoU of two already valid geometries. */
    public static double iou(Geometry a, Geometry b, double zeroDivision) {
        double inter = intersectionArea(a, b);
        double union = a.getArea() + b.getArea() - inter;
        return union > 0 ? inter / union : zeroDivision;
    }

    /**
     * MMOCR's {@code poly_nms}: sort by score ascending (stable), repeatedly keep the highest remaining and drop
     * those whose IoU with it is above {@code threshold} (IoU of an empty union counts as 1).
     */
    public static List<TextPolygon> nms(List<TextPolygon> polygons, double threshold) {
        List<TextPolygon> sorted = new ArrayList<>(polygons);
        sorted.sort(Comparator.comparingDouble(TextPolygon::score));
        List<Geometry> geoms = new ArrayList<>(sorted.size());
        for (TextPolygon p : sorted) {
            geoms.add(makeValid(toPolygon(p.points())));
        }
        List<Integer> index = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            index.add(i);
        }
        List<TextPolygon> keep = new ArrayList<>();
        while (!index.isEmpty()) {
            int last = index.remove(index.size() - 1);
            keep.add(sorted.get(last));
            Geometry a = geoms.get(last);
            List<Integer> rest = new ArrayList<>(index.size());
            for (int i : index) {
                if (!(iou(a, geoms.get(i), 1) > threshold)) {
                    rest.add(i);
                }
            }
            index = rest;
        }
        return keep;
    }

    /** Twice the signed shoelace area: positive for clockwise vertices in image (y down) coordinates. */
    public static double signedArea(double[] xy) {
        int n = xy.length / 2;
        double a = 0;
        for (int i = 0, j = n - 1; i < n; j = i, i++) {
            a += xy[2 * j] * xy[2 * i + 1] - xy[2 * i] * xy[2 * j + 1];
        }
        return a / 2;
    }

    static long[] reverseVertices(long[] xy) {
        int n = xy.length / 2;
        long[] r = new long[xy.length];
        for (int i = 0; i < n; i++) {
            r[2 * i] = xy[2 * (n - 1 - i)];
            r[2 * i + 1] = xy[2 * (n - 1 - i) + 1];
        }
        return r;
    }
}
