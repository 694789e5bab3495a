package io.ocrserve.ocr.e2e;

import io.ocrserve.ocr.image.Image;
import io.ocrserve.ocr.rec.RotationTta;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.RotatedRect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import static org.bytedeco.opencv.global.opencv_core.BORDER_REPLICATE;
import static org.bytedeco.opencv.global.opencv_core.CV_32F;
import static org.bytedeco.opencv.global.opencv_core.CV_32SC2;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_CUBIC;
import static org.bytedeco.opencv.global.opencv_imgproc.boxPoints;
import static org.bytedeco.opencv.global.opencv_imgproc.getPerspectiveTransform;
import static org.bytedeco.opencv.global.opencv_imgproc.minAreaRect;
import static org.bytedeco.opencv.global.opencv_imgproc.warpPerspective;

/** Cuts a detected text region out of the image for recognition. */
public final class CropExtractor {
    private CropExtractor() {
    }

    /**
     * The quad ocr.py crops with: the 4 points as given, or for a polygon of more points its axis-aligned
     * bounds (x_min, y_min, x_max, y_min, x_max, y_max, x_min, y_max).
     */
    public static double[] cropQuad(double[] points) {
        if (points.length < 8 || points.length % 2 != 0) {
            throw new IllegalArgumentException("a box needs at least 4 points, got " + points.length + " values");
        }
        if (points.length == 8) {
            return points.clone();
        }
        double x0 = Double.POSITIVE_INFINITY;
        double y0 = Double.POSITIVE_INFINITY;
        double x1 = Double.NEGATIVE_INFINITY;
        double y1 = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < points.length; i += 2) {
            x0 = Math.min(x0, points[i]);
            x1 = Math.max(x1, points[i]);
            y0 = Math.min(y0, points[i + 1]);
            y1 = Math.max(y1, points[i + 1]);
        }
        return new double[] {x0, y0, x1, y0, x1, y1, x0, y1};
    }

    /** MMOCR crop_img with ocr.py's ratios (long edge 0.4, short edge 0.2); empty when nothing is left. */
    public static Optional<Image> crop(Image src, double[] points) {
        return crop(src, points, 0.4, 0.2);
    }

    /**
     * MMOCR crop_img: bounds of the points clipped to the image; fs = min(box w, box h); a box wider than tall
     * is padded by longPad*fs left/right and shortPad*fs top/bottom (swapped otherwise); each edge is
     * truncated to int (toward zero, Python int()) and clipped to the image.
     */
    public static Optional<Image> crop(Image src, double[] points, double longPad, double shortPad) {
        double[] q = cropQuad(points);
        int w = src.width();
        int h = src.height();
        double x0 = Double.POSITIVE_INFINITY;
        double y0 = Double.POSITIVE_INFINITY;
        double x1 = Double.NEGATIVE_INFINITY;
        double y1 = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < 8; i += 2) {
            double x = clip(q[i], 0, w);
            double y = clip(q[i + 1], 0, h);
            x0 = Math.min(x0, x);
            x1 = Math.max(x1, x);
            y0 = Math.min(y0, y);
            y1 = Math.max(y1, y);
        }
        double boxW = x1 - x0;
        double boxH = y1 - y0;
        double fontSize = Math.min(boxH, boxW);
        double padX = boxH < boxW ? longPad * fontSize : shortPad * fontSize;
        double padY = boxH < boxW ? shortPad * fontSize : longPad * fontSize;
        int left = (int) clip((int) (x0 - padX), 0, w);
        int top = (int) clip((int) (y0 - padY), 0, h);
        int right = (int) clip((int) (x1 + padX), 0, w);
        int bottom = (int) clip((int) (y1 + padY), 0, h);
        return subImage(src, left, top, right, bottom);
    }

    /** The pixels [top, bottom) x [left, right), empty when that is empty. */
    static Optional<Image> subImage(Image src, int left, int top, int right, int bottom) {
        int cw = right - left;
        int ch = bottom - top;
        if (cw <= 0 || ch <= 0) {
            return Optional.empty();
        }
        int c = src.channels();
        byte[] out = new byte[cw * ch * c];
        for (int y = 0; y < ch; y++) {
            System.arraycopy(src.data(), ((top + y) * src.width() + left) * c, out, y * cw * c, cw * c);
        }
        return Optional.of(new Image(cw, ch, c, out));
    }

    private static double clip(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    /**
     * PaddleOCR get_minarea_rect_crop + get_rotate_crop_image: min-area rectangle of the points (as int32),
     * corners ordered top-left, top-right, bottom-right, bottom-left, perspective warp (cubic, replicated
     * border) to int(longest opposite edges); a result at least 1.5 times taller than wide is rotated 90
     * degrees anticlockwise. Empty when the rectangle is degenerate.
     */
    public static Optional<Image> warpMinAreaRect(Image src, double[] points) {
        float[] corners = orderedMinAreaRect(points);
        double w01 = dist(corners, 0, 1);
        double w23 = dist(corners, 2, 3);
        double h03 = dist(corners, 0, 3);
        double h12 = dist(corners, 1, 2);
        int cropW = (int) Math.max(w01, w23);
        int cropH = (int) Math.max(h03, h12);
        if (cropW <= 0 || cropH <= 0) {
            return Optional.empty();
        }
        float[] dst = {0, 0, cropW, 0, cropW, cropH, 0, cropH};
        Image out;
        try (Mat srcPts = floatMat(corners); Mat dstPts = floatMat(dst);
             Mat m = getPerspectiveTransform(srcPts, dstPts);
             Mat img = toMat(src); Mat warped = new Mat(); Size size = new Size(cropW, cropH);
             Scalar border = new Scalar(0)) {
            warpPerspective(img, warped, m, size, INTER_CUBIC, BORDER_REPLICATE, border);
            out = fromMat(warped);
        }
        if (out.height() * 1.0 / out.width() >= 1.5) {
            out = RotationTta.rotate90(out);
        }
        return Optional.of(out);
    }

    /** minAreaRect + boxPoints, sorted by x, then PaddleOCR's choice of top/bottom on each side. */
    static float[] orderedMinAreaRect(double[] points) {
        int n = points.length / 2;
        int[] ints = new int[points.length];
        for (int i = 0; i < ints.length; i++) {
            ints[i] = (int) points[i]; // np.astype(np.int32) truncates
        }
        float[] box = new float[8];
        try (Mat pts = new Mat(n, 1, CV_32SC2); Mat corners = new Mat()) {
            new IntPointer(pts.data()).put(ints);
            try (RotatedRect rect = minAreaRect(pts)) {
                boxPoints(rect, corners);
            }
            new FloatPointer(corners.data()).get(box);
        }
        List<float[]> p = new ArrayList<>(4);
        for (int i = 0; i < 4; i++) {
            p.add(new float[] {box[2 * i], box[2 * i + 1]});
        }
        p.sort(Comparator.comparingDouble(a -> a[0]));
        int a;
        int d;
        int b;
        int c;
        if (p.get(1)[1] > p.get(0)[1]) {
            a = 0;
            d = 1;
        } else {
            a = 1;
            d = 0;
        }
        if (p.get(3)[1] > p.get(2)[1]) {
            b = 2;
            c = 3;
        } else {
            b = 3;
            c = 2;
        }
        return new float[] {p.get(a)[0], p.get(a)[1], p.get(b)[0], p.get(b)[1],
                p.get(c)[0], p.get(c)[1], p.get(d)[0], p.get(d)[1]};
    }

    private static double dist(float[] q, int i, int j) {
        return Math.hypot(q[2 * i] - q[2 * j], q[2 * i + 1] - q[2 * j + 1]);
    }

    private static Mat floatMat(float[] xy) {
        Mat m = new Mat(4, 2, CV_32F);
        new FloatPointer(m.data()).put(xy);
        return m;
    }

    private static Mat toMat(Image img) {
        Mat m = new Mat(img.height(), img.width(), CV_8UC(img.channels()));
        m.data().put(img.data());
        return m;
    }

    private static Image fromMat(Mat m) {
        byte[] data = new byte[m.rows() * m.cols() * m.channels()];
        m.data().get(data);
        return new Image(m.cols(), m.rows(), m.channels(), data);
    }
}
