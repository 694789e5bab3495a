package io.ocrserve.ocr.det;

import static org.bytedeco.opencv.global.opencv_core.CV_32SC2;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;

import java.util.ArrayList;
import java.util.List;

import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.MatVector;

/** Array <-> OpenCV Mat copies and contour extraction for the postprocessors; callers close what they get. */
final class CvMats {
    private CvMats() {
    }

    /** A new 8-bit one-channel Mat holding {@code mask} (row-major h x w). */
    static Mat mask(byte[] mask, int h, int w) {
        Mat m = new Mat(h, w, CV_8UC1);
        m.data().put(mask, 0, h * w);
        return m;
    }

    /** The mask's contours as int arrays x0, y0, x1, y1, ... in OpenCV's order. */
    static List<int[]> findContours(Mat mask, int mode, int method) {
        try (MatVector contours = new MatVector(); Mat hierarchy = new Mat()) {
            opencv_imgproc.findContours(mask, contours, hierarchy, mode, method);
            List<int[]> out = new ArrayList<>((int) contours.size());
            for (long i = 0; i < contours.size(); i++) {
                try (Mat c = contours.get(i)) {
                    out.add(points(c));
                }
            }
            return out;
        }
    }

    /** The points of an Nx1 CV_32SC2 Mat. */
    static int[] points(Mat c) {
        int[] xy = new int[c.rows() * c.cols() * 2];
        if (xy.length > 0) {
            try (IntPointer p = new IntPointer(c.data())) {
                p.get(xy);
            }
        }
        return xy;
    }

    /** A new Nx1 CV_32SC2 Mat over the points. */
    static Mat pointMat(int[] xy) {
        Mat m = new Mat(xy.length / 2, 1, CV_32SC2);
        try (IntPointer p = new IntPointer(m.data())) {
            p.put(xy);
        }
        return m;
    }

    /** cv2.drawContours(img, contours, -1, color, -1): fills every contour. */
    static void fillContours(Mat img, MatVector contours, org.bytedeco.opencv.opencv_core.Scalar color) {
        try (Mat noHierarchy = new Mat(); org.bytedeco.opencv.opencv_core.Point origin =
                new org.bytedeco.opencv.opencv_core.Point(0, 0)) {
            opencv_imgproc.drawContours(img, contours, -1, color, opencv_imgproc.FILLED, opencv_imgproc.LINE_8,
                    noHierarchy, Integer.MAX_VALUE, origin);
        }
    }
}
