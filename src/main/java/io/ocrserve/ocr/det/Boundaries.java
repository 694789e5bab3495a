package io.ocrserve.ocr.det;

import static org.bytedeco.opencv.global.opencv_imgproc.CHAIN_APPROX_SIMPLE;
import static org.bytedeco.opencv.global.opencv_imgproc.RETR_EXTERNAL;

import java.util.List;

import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.RotatedRect;
import org.bytedeco.opencv.opencv_core.Size2f;

/** MMOCR's {@code points2boundary} (mmocr/core/mask.py). */
public final class Boundaries {
    private Boundaries() {
    }

    /**
     * quad: cv2.minAreaRect + cv2.boxPoints, kept if the shorter side is greater than {@code minWidth};
     * poly: the first external contour (CHAIN_APPROX_SIMPLE) of a mask where only the given pixels are set.
     *
     * @param points integer points x0, y0, ... (pixels of an instance, or polygon vertices)
     * @return the polygon, or null where MMOCR returns None (fewer than 4 vertices, or too thin a quad)
     */
    public static TextPolygon pointsToBoundary(int[] points, TextRepr repr, double score, double minWidth) {
        if (points.length < 2) {
            return null;
        }
        double[] boundary = repr == TextRepr.QUAD ? quad(points, minWidth) : poly(points);
        if (boundary == null || boundary.length < 8) {
            return null;
        }
        return new TextPolygon(boundary, score);
    }

    /** cv2.boxPoints(cv2.minAreaRect(points)) as float32 values, or null if min(w, h) <= minWidth. */
    static double[] quad(int[] points, double minWidth) {
        try (Mat pts = CvMats.pointMat(points); RotatedRect rect = opencv_imgproc.minAreaRect(pts);
                Size2f size = rect.size()) {
            if (!(Math.min(size.width(), size.height()) > minWidth)) {
                return null;
            }
            try (Mat box = new Mat()) {
                opencv_imgproc.boxPoints(rect, box);
                float[] v = new float[8];
                try (FloatPointer p = new FloatPointer(box.data())) {
                    p.get(v);
                }
                double[] out = new double[8];
                for (int i = 0; i < 8; i++) {
                    out[i] = v[i];
                }
                return out;
            }
        }
    }

    private static double[] poly(int[] points) {
        int maxX = 0;
        int maxY = 0;
        for (int i = 0; i < points.length; i += 2) {
            maxX = Math.max(maxX, points[i]);
            maxY = Math.max(maxY, points[i + 1]);
        }
        int w = maxX + 10;
        int h = maxY + 10;
        byte[] mask = new byte[w * h];
        for (int i = 0; i < points.length; i += 2) {
            mask[points[i + 1] * w + points[i]] = (byte) 255;
        }
        try (Mat m = CvMats.mask(mask, h, w)) {
            List<int[]> contours = CvMats.findContours(m, RETR_EXTERNAL, CHAIN_APPROX_SIMPLE);
            if (contours.isEmpty()) {
                return null;
            }
            int[] c = contours.get(0);
            double[] out = new double[c.length];
            for (int i = 0; i < c.length; i++) {
                out[i] = c[i];
            }
            return out;
        }
    }
}
