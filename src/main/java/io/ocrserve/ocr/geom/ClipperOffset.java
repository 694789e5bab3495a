package io.ocrserve.ocr.geom;

import java.util.ArrayList;
import java.util.List;

/**
 * The raw offset path of one closed polygon with round joins, computed exactly as Clipper 6.4.2's
 * {@code ClipperOffset} (what pyclipper runs for MMOCR's {@code unclip}) builds it before its final union:
 * same orientation fix, same normals, same number of arc steps (arc tolerance 0.25), same half-away-from-zero
 * rounding to integer coordinates. The final union only removes the small loops concave joins leave inside
 * the shape; {@link Unclip} does that step with JTS.
 */
public final class ClipperOffset {
    private static final double ARC_TOLERANCE = 0.25;
    private static final double DEF_ARC_TOLERANCE = 0.25;

    private ClipperOffset() {
    }

    /**
     * @param xy     integer polygon vertices x0, y0, x1, y1, ...
     * @param delta  offset distance (positive grows)
     * @return the offset path as integer coordinates, or an empty array when Clipper would drop the path
     */
    public static long[] offsetPath(long[] xy, double delta) {
        long[] src = stripDuplicates(xy);
        int len = src.length / 2;
        if (len < 3) { // Clipper drops closed paths with fewer than 3 distinct points
            return new long[0];
        }
        if (signedArea(src) < 0) { // FixOrientations: Clipper wants Area >= 0 (clockwise with y down)
            src = reverse(src);
        }
        double y = ARC_TOLERANCE > Math.abs(delta) * DEF_ARC_TOLERANCE ? Math.abs(delta) * DEF_ARC_TOLERANCE
                : ARC_TOLERANCE;
        double steps = Math.PI / Math.acos(1 - y / Math.abs(delta));
        if (steps > Math.abs(delta) * Math.PI) {
            steps = Math.abs(delta) * Math.PI;
        }
        double sin = Math.sin(2 * Math.PI / steps);
        double cos = Math.cos(2 * Math.PI / steps);
        double stepsPerRad = steps / (2 * Math.PI);
        if (delta < 0) {
            sin = -sin;
        }
        double[] nx = new double[len];
        double[] ny = new double[len];
        for (int j = 0; j < len; j++) {
            int n = (j + 1) % len;
            unitNormal(src[2 * j], src[2 * j + 1], src[2 * n], src[2 * n + 1], nx, ny, j);
        }
        List<long[]> out = new ArrayList<>();
        int k = len - 1;
        for (int j = 0; j < len; j++) {
            double px = src[2 * j];
            double py = src[2 * j + 1];
            double sinA = nx[k] * ny[j] - nx[j] * ny[k];
            if (Math.abs(sinA * delta) < 1.0) {
                double cosA = nx[k] * nx[j] + ny[j] * ny[k];
                if (cosA > 0) { // nearly straight: one point, and k is NOT advanced (as in Clipper)
                    out.add(new long[] {round(px + nx[k] * delta), round(py + ny[k] * delta)});
                    continue;
                }
            } else if (sinA > 1.0) {
                sinA = 1.0;
            } else if (sinA < -1.0) {
                sinA = -1.0;
            }
            if (sinA * delta < 0) {
                out.add(new long[] {round(px + nx[k] * delta), round(py + ny[k] * delta)});
                out.add(new long[] {src[2 * j], src[2 * j + 1]});
                out.add(new long[] {round(px + nx[j] * delta), round(py + ny[j] * delta)});
            } else {
                double a = Math.atan2(sinA, nx[k] * nx[j] + ny[k] * ny[j]);
                int n = Math.max((int) round(stepsPerRad * Math.abs(a)), 1);
                double x = nx[k];
                double yy = ny[k];
                for (int i = 0; i < n; i++) {
                    out.add(new long[] {round(px + x * delta), round(py + yy * delta)});
                    double x2 = x;
                    x = x * cos - sin * yy;
                    yy = x2 * sin + yy * cos;
                }
                out.add(new long[] {round(px + nx[j] * delta), round(py + ny[j] * delta)});
            }
            k = j;
        }
        long[] flat = new long[out.size() * 2];
        for (int i = 0; i < out.size(); i++) {
            flat[2 * i] = out.get(i)[0];
            flat[2 * i + 1] = out.get(i)[1];
        }
        return flat;
    }

    /** Clipper's Area(): the shoelace area, positive for clockwise vertices in image (y down) coordinates. */
    public static double signedArea(long[] xy) {
        int n = xy.length / 2;
        if (n < 3) {
            return 0;
        }
        double a = 0;
        for (int i = 0, j = n - 1; i < n; j = i, i++) {
            a += ((double) xy[2 * j] + xy[2 * i]) * ((double) xy[2 * j + 1] - xy[2 * i + 1]);
        }
        return -a * 0.5;
    }

    static long round(double v) {
        return v < 0 ? (long) (v - 0.5) : (long) (v + 0.5);
    }

    private static void unitNormal(long x1, long y1, long x2, long y2, double[] nx, double[] ny, int i) {
        if (x1 == x2 && y1 == y2) {
            nx[i] = 0;
            ny[i] = 0;
            return;
        }
        double dx = x2 - x1;
        double dy = y2 - y1;
        double f = 1.0 / Math.sqrt(dx * dx + dy * dy);
        nx[i] = dy * f;
        ny[i] = -dx * f;
    }

    /** AddPath: drop repeated consecutive points and trailing copies of the first point. */
    private static long[] stripDuplicates(long[] xy) {
        int hi = xy.length / 2 - 1;
        if (hi < 0) {
            return new long[0];
        }
        while (hi > 0 && xy[0] == xy[2 * hi] && xy[1] == xy[2 * hi + 1]) {
            hi--;
        }
        long[] out = new long[2 * (hi + 1)];
        out[0] = xy[0];
        out[1] = xy[1];
        int j = 0;
        for (int i = 1; i <= hi; i++) {
            if (out[2 * j] != xy[2 * i] || out[2 * j + 1] != xy[2 * i + 1]) {
                j++;
                out[2 * j] = xy[2 * i];
                out[2 * j + 1] = xy[2 * i + 1];
            }
        }
        return java.util.Arrays.copyOf(out, 2 * (j + 1));
    }

    private static long[] reverse(long[] xy) {
        int n = xy.length / 2;
        long[] r = new long[xy.length];
        for (int i = 0; i < n; i++) {
            r[2 * i] = xy[2 * (n - 1 - i)];
            r[2 * i + 1] = xy[2 * (n - 1 - i) + 1];
        }
        return r;
    }
}
