package io.ocrserve.eval;

/** Argument checks shared by the value types (package-private). */
final class Polys {
    private Polys() {
    }

    static void checkPolygon(double[] xy, String what) {
        if (xy == null) {
            throw new IllegalArgumentException(what + " is null");
        }
        if (xy.length < 6 || xy.length % 2 != 0) {
            throw new IllegalArgumentException(
                    what + " needs an even number (>= 6) of coordinates x1,y1,...; got " + xy.length);
        }
    }
}
