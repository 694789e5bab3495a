package io.ocrserve.eval.metrics;

import io.ocrserve.eval.GtInstance;
import io.ocrserve.eval.PredInstance;

/** Test shorthands: axis-aligned rectangles as 4-point polygons. */
final class Shapes {
    private Shapes() {
    }

    static double[] rect(double x0, double y0, double x1, double y1) {
        return new double[] {x0, y0, x1, y0, x1, y1, x0, y1};
    }

    static GtInstance care(double x0, double y0, double x1, double y1) {
        return GtInstance.care(rect(x0, y0, x1, y1));
    }

    static GtInstance ignored(double x0, double y0, double x1, double y1) {
        return GtInstance.ignored(rect(x0, y0, x1, y1));
    }

    static PredInstance pred(double score, double x0, double y0, double x1, double y1) {
        return new PredInstance(rect(x0, y0, x1, y1), score);
    }
}
