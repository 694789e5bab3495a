package io.ocrserve.ocr.det;

import static org.bytedeco.opencv.global.opencv_imgproc.CHAIN_APPROX_SIMPLE;
import static org.bytedeco.opencv.global.opencv_imgproc.RETR_TREE;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.MatVector;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Scalar;

import io.ocrserve.ocr.FloatTensor;

/**
 * MMOCR's TextSnakePostprocessor. Input CHW: text and center logits, sin, cos, radius (full resolution).
 * Per center region: skeleton, centralize each skeleton point along the text normal, disks of radius r * 1.03,
 * merge overlapping disks, draw them and take the first contour; score = mean text score inside.
 */
public final class TextSnakePostprocessor implements DetPostprocessor {
    private final TextSnakeParams params;

    public TextSnakePostprocessor(TextSnakeParams params) {
        this.params = params;
    }

    @Override
    public List<TextPolygon> process(FloatTensor maps) {
        int h = maps.dim(maps.rank() - 2);
        int w = maps.dim(maps.rank() - 1);
        int n = h * w;
        float[] d = maps.data();
        float[] text = new float[n];
        float[] center = new float[n];
        float[] sin = new float[n];
        float[] cos = new float[n];
        byte[] centerMask = new byte[n];
        float cThr = (float) params.minCenterRegionConfidence();
        for (int i = 0; i < n; i++) {
            text[i] = InstanceMaps.sigmoid(d[i]);
            center[i] = InstanceMaps.sigmoid(d[n + i]) * text[i];
            centerMask[i] = (byte) (center[i] > cThr ? 1 : 0);
            float s = d[2 * n + i];
            float c = d[3 * n + i];
            float scale = (float) Math.sqrt(1.0f / (s * s + c * c + 1e-8f));
            sin[i] = s * scale;
            cos[i] = c * scale;
        }
        float[] radius = Arrays.copyOfRange(d, 4 * n, 5 * n);
        byte[] filled = InstanceMaps.fillHole(centerMask, h, w);
        List<TextPolygon> out = new ArrayList<>();
        try (Mat m = CvMats.mask(filled, h, w); MatVector contours = new MatVector(); Mat hier = new Mat();
                Scalar one = new Scalar(1)) {
            opencv_imgproc.findContours(m, contours, hier, RETR_TREE, CHAIN_APPROX_SIMPLE);
            for (long ci = 0; ci < contours.size(); ci++) {
                byte[] instance = new byte[n];
                try (Mat cont = contours.get(ci)) {
                    if (opencv_imgproc.contourArea(cont) < params.minCenterArea()) {
                        continue;
                    }
                    try (Mat drawn = CvMats.mask(instance, h, w); MatVector single = new MatVector(cont)) {
                        CvMats.fillContours(drawn, single, one);
                        drawn.data().get(instance);
                    }
                }
                TextPolygon p = instance(instance, h, w, text, center, sin, cos, radius);
                if (p != null) {
                    out.add(p);
                }
            }
        }
        return out;
    }

    private TextPolygon instance(byte[] instance, int h, int w, float[] text, float[] center, float[] sin,
            float[] cos, float[] radius) {
        byte[] skel = Skeleton.skeletonize(instance, h, w);
        List<double[]> disks = new ArrayList<>();
        for (int p = 0; p < h * w; p++) {
            if (skel[p] == 0) {
                continue;
            }
            // centralize(points, normal_sin = cos, normal_cos = -sin): step in (y, x) is 0.03 r (cos, -sin)
            float r = (float) (0.03f * radius[p]);
            float sy = r * cos[p];
            float sx = r * -sin[p];
            double[] top = walk(p / w, p % w, sy, sx, instance, h, w);
            double[] bot = walk(p / w, p % w, -sy, -sx, instance, h, w);
            int cy = (int) ((top[0] + bot[0]) * 0.5);
            int cx = (int) ((top[1] + bot[1]) * 0.5);
            int q = cy * w + cx;
            float rr = (float) (radius[q] * (float) params.radiusShrinkRatio());
            disks.add(new double[] {cx, cy, rr, center[q]});
        }
        if (disks.isEmpty()) {
            return null;
        }
        byte[] mask = new byte[h * w];
        try (Mat m = CvMats.mask(mask, h, w); Scalar one = new Scalar(1)) {
            for (double[] disk : mergeDisks(disks, params.diskOverlapThr())) {
                if (disk[2] > 1) {
                    try (Point c = new Point((int) disk[0], (int) disk[1])) {
                        opencv_imgproc.circle(m, c, (int) disk[2], one, -1, opencv_imgproc.LINE_8, 0);
                    }
                }
            }
            m.data().get(mask);
            List<int[]> contours = CvMats.findContours(m, RETR_TREE, CHAIN_APPROX_SIMPLE);
            double sum = 0;
            long count = 0;
            for (int i = 0; i < mask.length; i++) {
                if (mask[i] != 0) {
                    sum += text[i];
                    count++;
                }
            }
            double score = sum / (count + 1e-8);
            if (contours.isEmpty() || contours.get(0).length <= 8) {
                return null;
            }
            int[] c0 = contours.get(0);
            try (Mat cm = CvMats.pointMat(c0)) {
                if (!(opencv_imgproc.contourArea(cm) > 0)) {
                    return null;
                }
            }
            return new TextPolygon(Arrays.stream(c0).asDoubleStream().toArray(), score);
        }
    }

    /** One direction of MMOCR's centralize: step while the next (int-truncated) position is inside the mask. */
    private static double[] walk(int y0, int x0, float sy, float sx, byte[] mask, int h, int w) {
        double y = y0;
        double x = x0;
        for (int guard = 0; guard < 100_000 && (sy != 0 || sx != 0); guard++) {
            int ny = (int) (y + sy);
            int nx = (int) (x + sx);
            boolean ok = ny >= 0 && ny < h && nx > 0 && nx < w && mask[ny * w + nx] != 0;
            if (!ok) {
                break;
            }
            y += sy;
            x += sx;
        }
        return new double[] {y, x};
    }

    /** MMOCR's merge_disks: greedily, by descending score, average each disk with those overlapping it. */
    static List<double[]> mergeDisks(List<double[]> disks, double overlapThr) {
        Integer[] idx = new Integer[disks.size()];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i;
        }
        Arrays.sort(idx, Comparator.comparingDouble(i -> disks.get(i)[3])); // argsort ascending ...
        List<Integer> order = new ArrayList<>(Arrays.asList(idx));
        java.util.Collections.reverse(order); // ... [::-1]
        List<double[]> merged = new ArrayList<>();
        while (!order.isEmpty()) {
            int i = order.get(0);
            double[] di = disks.get(i);
            List<Integer> merge = new ArrayList<>();
            List<Integer> rest = new ArrayList<>();
            for (int j = 1; j < order.size(); j++) {
                double[] dj = disks.get(order.get(j));
                double dist = Math.hypot(di[0] - dj[0], di[1] - dj[1]);
                if (dist <= (di[2] + dj[2]) * overlapThr) {
                    merge.add(order.get(j));
                } else {
                    rest.add(order.get(j));
                }
            }
            if (merge.isEmpty()) {
                merged.add(di);
            } else {
                double[] mean = di.clone();
                for (int j : merge) {
                    for (int k = 0; k < 4; k++) {
                        mean[k] += disks.get(j)[k];
                    }
                }
                for (int k = 0; k < 4; k++) {
                    mean[k] /= merge.size() + 1;
                }
                merged.add(mean);
            }
            order = rest;
        }
        return merged;
    }
}
