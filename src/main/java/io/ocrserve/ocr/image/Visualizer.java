package io.ocrserve.ocr.image;

import static org.bytedeco.opencv.global.opencv_core.CV_32SC2;

import java.util.List;

import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.MatVector;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Draws detection results on an image, like MMOCR's {@code --imshow}: each polygon as a closed green outline
 * (2 px) and, where labels are given, the label's text next to its polygon, on a white backing. Hershey fonts
 * are ASCII-only, so every other character is drawn as '?'.
 */
public final class Visualizer {
    /** BGR green of the outlines. */
    static final double[] POLYGON_BGR = {0, 255, 0};
    /** BGR dark red of the labels (drawn on a white backing). */
    static final double[] LABEL_BGR = {0, 0, 200};
    static final int THICKNESS = 2;
    private static final int FONT = opencv_imgproc.FONT_HERSHEY_SIMPLEX;
    private static final double FONT_SCALE = 0.5;

    private Visualizer() {
    }

    /**
     * A 3-channel BGR copy of {@code image} with the polygons drawn on it.
     *
     * @param polygons vertices {@code x1, y1, ..., xn, yn}; an odd-length array's last value (a score, as in
     *                 a {@code boundary_result} row) is ignored
     * @param labels   null, or one text per polygon, drawn above it (below where there is no room above)
     */
    public static Image draw(Image image, List<double[]> polygons, List<String> labels) {
        if (labels != null && labels.size() != polygons.size()) {
            throw new IllegalArgumentException(labels.size() + " labels for " + polygons.size() + " polygons");
        }
        try (Mat canvas = bgr(image); Scalar green = scalar(POLYGON_BGR); Scalar red = scalar(LABEL_BGR)) {
            for (int i = 0; i < polygons.size(); i++) {
                int[] xy = vertices(polygons.get(i));
                if (xy.length < 4) {
                    continue;
                }
                try (Mat pts = pointMat(xy); MatVector contours = new MatVector(pts)) {
                    opencv_imgproc.polylines(canvas, contours, true, green, THICKNESS, opencv_imgproc.LINE_8, 0);
                }
                if (labels != null && labels.get(i) != null && !labels.get(i).isEmpty()) {
                    putLabel(canvas, ascii(labels.get(i)), xy, red);
                }
            }
            return ImageOps.fromMat(canvas);
        }
    }

    /** The text with every character outside printable ASCII replaced by '?'. */
    static String ascii(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> out.append(cp >= 0x20 && cp < 0x7f ? (char) cp : '?'));
        return out.toString();
    }

    private static void putLabel(Mat canvas, String text, int[] xy, Scalar color) {
        int minX = Integer.MAX_VALUE;
        int minY = Integer.MAX_VALUE;
        int maxY = Integer.MIN_VALUE;
        for (int i = 0; i < xy.length; i += 2) {
            minX = Math.min(minX, xy[i]);
            minY = Math.min(minY, xy[i + 1]);
            maxY = Math.max(maxY, xy[i + 1]);
        }
        int[] baseline = new int[1];
        int textWidth;
        int textHeight;
        try (Size size = opencv_imgproc.getTextSize(text, FONT, FONT_SCALE, 1, baseline)) {
            textWidth = size.width();
            textHeight = size.height();
        }
        // the label's backing spans [y - textHeight - 1, y + baseline - 1]: keep it clear of the 2 px outline
        int above = minY - THICKNESS - 2 - baseline[0];
        int y = above - textHeight - 1 >= 0 ? above : maxY + THICKNESS + 3 + textHeight;
        int x = Math.max(0, Math.min(minX, canvas.cols() - textWidth));
        // a white backing keeps the label readable on any background
        try (Point from = new Point(x - 1, y - textHeight - 1); Point to = new Point(x + textWidth, y + baseline[0] - 1);
                Scalar white = new Scalar(255, 255, 255, 0); Point origin = new Point(x, y)) {
            opencv_imgproc.rectangle(canvas, from, to, white, opencv_imgproc.FILLED, opencv_imgproc.LINE_8, 0);
            opencv_imgproc.putText(canvas, text, origin, FONT, FONT_SCALE, color, 1, opencv_imgproc.LINE_AA, false);
        }
    }

    private static int[] vertices(double[] polygon) {
        int n = polygon.length - polygon.length % 2;
        int[] xy = new int[n];
        for (int i = 0; i < n; i++) {
            xy[i] = (int) Math.round(polygon[i]);
        }
        return xy;
    }

    private static Mat pointMat(int[] xy) {
        Mat m = new Mat(xy.length / 2, 1, CV_32SC2);
        try (IntPointer p = new IntPointer(m.data())) {
            p.put(xy);
        }
        return m;
    }

    /** A new BGR Mat of the image (gray and BGRA converted). */
    private static Mat bgr(Image image) {
        Mat mat = ImageOps.toMat(image);
        if (image.channels() == 3) {
            return mat;
        }
        int code = switch (image.channels()) {
            case 1 -> opencv_imgproc.COLOR_GRAY2BGR;
            case 4 -> opencv_imgproc.COLOR_BGRA2BGR;
            default -> throw new IllegalArgumentException("cannot draw on a " + image.channels() + "-channel image");
        };
        try (mat) {
            Mat out = new Mat();
            opencv_imgproc.cvtColor(mat, out, code);
            return out;
        }
    }

    private static Scalar scalar(double[] bgr) {
        return new Scalar(bgr[0], bgr[1], bgr[2], 0);
    }
}
