package io.ocrserve.ocr.det;

/** Draws synthetic score maps for postprocessor tests. */
final class SyntheticMaps {
    private SyntheticMaps() {
    }

    /** Sets every pixel whose center lies in the rotated rectangle to {@code value}. */
    static void rotatedRect(float[] map, int w, int h, double cx, double cy, double rw, double rh,
            double angleDeg, float value) {
        double a = Math.toRadians(angleDeg);
        double ux = Math.cos(a);
        double uy = Math.sin(a);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double dx = x - cx;
                double dy = y - cy;
                double along = dx * ux + dy * uy;
                double across = -dx * uy + dy * ux;
                if (Math.abs(along) <= rw / 2 && Math.abs(across) <= rh / 2) {
                    map[y * w + x] = value;
                }
            }
        }
    }

    /** Corners of the rotated rectangle, x0, y0, ... */
    static double[] corners(double cx, double cy, double rw, double rh, double angleDeg) {
        double a = Math.toRadians(angleDeg);
        double ux = Math.cos(a) * rw / 2;
        double uy = Math.sin(a) * rw / 2;
        double vx = -Math.sin(a) * rh / 2;
        double vy = Math.cos(a) * rh / 2;
        return new double[] {cx - ux - vx, cy - uy - vy, cx + ux - vx, cy + uy - vy, cx + ux + vx, cy + uy + vy,
            cx - ux + vx, cy - uy + vy};
    }

    /** Largest distance from an expected corner to the nearest actual vertex. */
    static double maxCornerError(double[] expected, double[] actual) {
        double worst = 0;
        for (int i = 0; i < expected.length; i += 2) {
            double best = Double.MAX_VALUE;
            for (int j = 0; j < actual.length; j += 2) {
                best = Math.min(best, Math.hypot(expected[i] - actual[j], expected[i + 1] - actual[j + 1]));
            }
            worst = Math.max(worst, best);
        }
        return worst;
    }
}
