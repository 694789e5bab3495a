package io.ocrserve.ocr.geom;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.polygonize.Polygonizer;
import org.locationtech.jts.operation.union.UnaryUnionOp;

/**
 * MMOCR's {@code unclip}: grow a polygon by {@code area * ratio / perimeter} with round joins, as pyclipper
 * does (integer output). Returns null where MMOCR skips the candidate: no polygon or several (holes).
 */
public final class Unclip {
    private Unclip() {
    }

    /** The unclip distance MMOCR uses: shapely area times ratio over shapely length (perimeter). */
    public static double distance(long[] xy, double ratio) {
        double perimeter = 0;
        int n = xy.length / 2;
        for (int i = 0; i < n; i++) {
            int j = (i + 1) % n;
            perimeter += Math.hypot(xy[2 * j] - xy[2 * i], xy[2 * j + 1] - xy[2 * i + 1]);
        }
        return Math.abs(ClipperOffset.signedArea(xy)) * ratio / perimeter;
    }

    /** The grown polygon as integer vertices x0, y0, ..., clockwise in image coordinates; null if none or several. */
    public static long[] unclip(long[] xy, double ratio) {
        double d = distance(xy, ratio);
        if (!(d > 0) || Double.isInfinite(d)) {
            return null;
        }
        long[] path = ClipperOffset.offsetPath(xy, d);
        if (path.length < 6) {
            return null;
        }
        LineString ring = lineString(path, true);
        if (ring.isSimple()) {
            return path; // already what Clipper's union would give (up to the starting vertex)
        }
        return positiveFillUnion(path, ring);
    }

    /** Clipper's union with the positive fill rule, done with JTS: keep the faces with winding number > 0. */
    private static long[] positiveFillUnion(long[] path, LineString ring) {
        Geometry noded = ring.union(); // nodes the self-intersections
        Polygonizer polygonizer = new Polygonizer();
        polygonizer.add(noded);
        @SuppressWarnings("unchecked")
        Collection<Polygon> faces = polygonizer.getPolygons();
        List<Geometry> kept = new ArrayList<>();
        for (Polygon face : faces) {
            Point p = face.getInteriorPoint();
            if (windingNumber(path, p.getX(), p.getY()) > 0) {
                kept.add(face);
            }
        }
        if (kept.isEmpty()) {
            return null;
        }
        Geometry union = UnaryUnionOp.union(kept);
        if (!(union instanceof Polygon poly) || poly.getNumInteriorRing() > 0) {
            return null;
        }
        Coordinate[] cs = poly.getExteriorRing().getCoordinates();
        long[] out = new long[2 * (cs.length - 1)];
        for (int i = 0; i < cs.length - 1; i++) {
            out[2 * i] = Math.round(cs[i].x);
            out[2 * i + 1] = Math.round(cs[i].y);
        }
        if (ClipperOffset.signedArea(out) < 0) {
            out = Polygons.reverseVertices(out);
        }
        return out;
    }

    /** Winding number, positive for paths whose shoelace area is positive (Clipper's orientation). */
    static int windingNumber(long[] xy, double px, double py) {
        int wn = 0;
        int n = xy.length / 2;
        for (int i = 0; i < n; i++) {
            int j = (i + 1) % n;
            double x0 = xy[2 * i];
            double y0 = xy[2 * i + 1];
            double x1 = xy[2 * j];
            double y1 = xy[2 * j + 1];
            double cross = (x1 - x0) * (py - y0) - (px - x0) * (y1 - y0);
            if (y0 <= py) {
                if (y1 > py && cross > 0) {
                    wn++;
                }
            } else if (y1 <= py && cross < 0) {
                wn--;
            }
        }
        return wn;
    }

    private static LineString lineString(long[] xy, boolean close) {
        int n = xy.length / 2;
        Coordinate[] cs = new Coordinate[close ? n + 1 : n];
        for (int i = 0; i < n; i++) {
            cs[i] = new Coordinate(xy[2 * i], xy[2 * i + 1]);
        }
        if (close) {
            cs[n] = cs[0];
        }
        return Polygons.FACTORY.createLineString(cs);
    }
}
