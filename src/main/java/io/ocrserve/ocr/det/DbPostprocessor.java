package io.ocrserve.ocr.det;

import static org.bytedeco.opencv.global.opencv_imgproc.CHAIN_APPROX_SIMPLE;
import static org.bytedeco.opencv.global.opencv_imgproc.RETR_LIST;

import java.util.ArrayList;
import java.util.List;

import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.MatVector;
import org.bytedeco.opencv.opencv_core.Scalar;

import io.ocrserve.ocr.FloatTensor;
import io.ocrserve.ocr.geom.Unclip;

/**
 * MMOCR's DBPostprocessor: threshold the probability map (channel 0), approximate each contour, score it by
 * the mean probability inside, grow it by the unclip distance and emit a quad or the grown polygon.
 */
public final class DbPostprocessor implements DetPostprocessor {
    private final DbParams params;

    public DbPostprocessor(DbParams params) {
        this.params = params;
    }

    public DbParams params() {
        return params;
    }

    @Override
    public List<TextPolygon> process(FloatTensor maps) {
        int h = maps.dim(maps.rank() - 2);
        int w = maps.dim(maps.rank() - 1);
        return process(maps.data(), h, w);
    }

    /** @param prob probability map, row-major h x w (only the first h*w values are read) */
    public List<TextPolygon> process(float[] prob, int h, int w) {
        float thr = (float) params.maskThr(); // torch compares a float32 map with the threshold as float32
        byte[] mask = new byte[h * w];
        for (int i = 0; i < h * w; i++) {
            if (prob[i] > thr) {
                mask[i] = (byte) 255;
            }
        }
        List<TextPolygon> out = new ArrayList<>();
        try (Mat maskMat = CvMats.mask(mask, h, w); MatVector contours = new MatVector(); Mat hier = new Mat()) {
            opencv_imgproc.findContours(maskMat, contours, hier, RETR_LIST, CHAIN_APPROX_SIMPLE);
            for (long i = 0; i < contours.size(); i++) {
                if (i > params.maxCandidates()) {
                    break;
                }
                int[] points;
                try (Mat c = contours.get(i); Mat approx = new Mat()) {
                    double eps = params.epsilonRatio() * opencv_imgproc.arcLength(c, true);
                    opencv_imgproc.approxPolyDP(c, approx, eps, true);
                    points = CvMats.points(approx);
                }
                if (points.length < 8) {
                    continue;
                }
                double score = boxScoreFast(prob, h, w, points);
                if (score < params.minTextScore()) {
                    continue;
                }
                TextPolygon p = boundary(points, score);
                if (p != null) {
                    out.add(p);
                }
            }
        }
        return out;
    }

    private TextPolygon boundary(int[] points, double score) {
        long[] pts = new long[points.length];
        for (int i = 0; i < points.length; i++) {
            pts[i] = points[i];
        }
        long[] grown = Unclip.unclip(pts, params.unclipRatio());
        if (grown == null || grown.length == 0) {
            return null;
        }
        if (params.textReprType() == TextRepr.QUAD) {
            int[] g = new int[grown.length];
            for (int i = 0; i < g.length; i++) {
                g[i] = Math.toIntExact(grown[i]);
            }
            return Boundaries.pointsToBoundary(g, TextRepr.QUAD, score, params.minTextWidth());
        }
        if (grown.length < 8) {
            return null;
        }
        double[] d = new double[grown.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = grown[i];
        }
        return new TextPolygon(d, score);
    }

    /** MMOCR's box_score_fast: mean of the map inside the filled polygon, over its clipped bounding box. */
    static double boxScoreFast(float[] map, int h, int w, int[] box) {
        int minX = Integer.MAX_VALUE;
        int maxX = Integer.MIN_VALUE;
        int minY = Integer.MAX_VALUE;
        int maxY = Integer.MIN_VALUE;
        for (int i = 0; i < box.length; i += 2) {
            minX = Math.min(minX, box[i]);
            maxX = Math.max(maxX, box[i]);
            minY = Math.min(minY, box[i + 1]);
            maxY = Math.max(maxY, box[i + 1]);
        }
        int xmin = clamp(minX, 0, w - 1);
        int xmax = clamp(maxX, 0, w - 1);
        int ymin = clamp(minY, 0, h - 1);
        int ymax = clamp(maxY, 0, h - 1);
        int bw = xmax - xmin + 1;
        int bh = ymax - ymin + 1;
        int[] shifted = new int[box.length];
        for (int i = 0; i < box.length; i += 2) {
            shifted[i] = box[i] - xmin;
            shifted[i + 1] = box[i + 1] - ymin;
        }
        byte[] inside = new byte[bw * bh];
        try (Mat m = CvMats.mask(inside, bh, bw); Mat poly = CvMats.pointMat(shifted);
                MatVector polys = new MatVector(poly); Scalar one = new Scalar(1)) {
            opencv_imgproc.fillPoly(m, polys, one);
            m.data().get(inside);
        }
        double sum = 0;
        long n = 0;
        for (int y = 0; y < bh; y++) {
            int row = (ymin + y) * w + xmin;
            for (int x = 0; x < bw; x++) {
                if (inside[y * bw + x] != 0) {
                    sum += map[row + x];
                    n++;
                }
            }
        }
        return n == 0 ? 0 : sum / n;
    }

    private static int clamp(int v, int lo, int hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
