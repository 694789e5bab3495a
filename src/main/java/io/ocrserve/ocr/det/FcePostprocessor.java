package io.ocrserve.ocr.det;

import static org.bytedeco.opencv.global.opencv_imgproc.CHAIN_APPROX_SIMPLE;
import static org.bytedeco.opencv.global.opencv_imgproc.RETR_TREE;

import java.util.ArrayList;
import java.util.List;

import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.MatVector;
import org.bytedeco.opencv.opencv_core.Scalar;

import io.ocrserve.ocr.FloatTensor;
import io.ocrserve.ocr.geom.Polygons;

/**
 * MMOCR's FCEPostprocessor plus FCEHead.get_boundary: per level, score = softmax(tr)^alpha * softmax(tcl)^beta,
 * every pixel of each hole-filled region above score_thr regresses Fourier coefficients that are turned into a
 * polygon (inverse DFT), then polygon NMS per region, and over all levels. A level's tensor is CHW with the
 * 4 classification channels followed by the 2(2k+1) regression channels (x coefficients, then y).
 */
public final class FcePostprocessor implements DetPostprocessor {
    private final FceParams params;

    public FcePostprocessor(FceParams params) {
        this.params = params;
    }

    /** A single level at the first stride. */
    @Override
    public List<TextPolygon> process(FloatTensor maps) {
        return processLevels(List.of(maps));
    }

    /** All levels, level i at stride {@code scales[i]}. */
    public List<TextPolygon> processLevels(List<FloatTensor> levels) {
        if (levels.size() > params.scales().length) {
            throw new IllegalArgumentException(levels.size() + " levels but only " + params.scales().length
                    + " scales");
        }
        List<TextPolygon> all = new ArrayList<>();
        for (int i = 0; i < levels.size(); i++) {
            all.addAll(processLevel(levels.get(i), params.scales()[i]));
        }
        return Polygons.nms(all, params.nmsThr());
    }

    List<TextPolygon> processLevel(FloatTensor maps, double scale) {
        int k = params.fourierDegree();
        int ncoef = 2 * k + 1;
        int c = InstanceMaps.channels(maps);
        if (c != 4 + 2 * ncoef) {
            throw new IllegalArgumentException("FCE level needs " + (4 + 2 * ncoef) + " channels, got " + c);
        }
        int h = maps.dim(maps.rank() - 2);
        int w = maps.dim(maps.rank() - 1);
        int n = h * w;
        float[] d = maps.data();
        float[] score = new float[n];
        byte[] mask = new byte[n];
        float thr = (float) params.scoreThr();
        for (int i = 0; i < n; i++) {
            float tr = softmax1(d[i], d[n + i]);
            float tcl = softmax1(d[2 * n + i], d[3 * n + i]);
            score[i] = (float) (Math.pow(tr, (float) params.alpha()) * Math.pow(tcl, (float) params.beta()));
            mask[i] = (byte) (score[i] > thr ? 1 : 0);
        }
        byte[] filled = InstanceMaps.fillHole(mask, h, w);
        List<TextPolygon> boundaries = new ArrayList<>();
        try (Mat m = CvMats.mask(filled, h, w); MatVector contours = new MatVector(); Mat hier = new Mat();
                Scalar one = new Scalar(1)) {
            opencv_imgproc.findContours(m, contours, hier, RETR_TREE, CHAIN_APPROX_SIMPLE);
            byte[] region = new byte[n];
            for (long ci = 0; ci < contours.size(); ci++) {
                try (Mat deal = new Mat(h, w, org.bytedeco.opencv.global.opencv_core.CV_8UC1, new Scalar(0));
                        Mat cont = contours.get(ci); MatVector single = new MatVector(cont)) {
                    CvMats.fillContours(deal, single, one);
                    deal.data().get(region);
                }
                List<TextPolygon> polys = new ArrayList<>();
                for (int y = 0; y < h; y++) {
                    for (int x = 0; x < w; x++) {
                        int p = y * w + x;
                        if (region[p] != 0 && score[p] > 0) {
                            polys.add(new TextPolygon(reconstruct(d, n, p, x, y, scale), score[p]));
                        }
                    }
                }
                boundaries.addAll(Polygons.nms(polys, params.nmsThr()));
            }
        }
        return boundaries;
    }

    /** fourier2poly of one pixel's coefficients: c_k gets the pixel position, all times the stride; int32 cast. */
    private double[] reconstruct(float[] d, int n, int p, int x, int y, double scale) {
        int k = params.fourierDegree();
        int ncoef = 2 * k + 1;
        int base = 4 * n;
        double[] re = new double[ncoef];
        double[] im = new double[ncoef];
        for (int j = 0; j < ncoef; j++) {
            re[j] = d[base + j * n + p];
            im[j] = d[base + (ncoef + j) * n + p];
        }
        re[k] += x;
        im[k] += y;
        int m = params.numReconstrPoints();
        double[] out = new double[2 * m];
        for (int t = 0; t < m; t++) {
            double sr = 0;
            double si = 0;
            for (int j = 0; j < ncoef; j++) {
                int freq = j - k; // coefficient j is frequency j - k (negative ones wrap to the end in MMOCR)
                double ang = 2 * Math.PI * freq * t / m;
                double cr = re[j] * scale;
                double cim = im[j] * scale;
                sr += cr * Math.cos(ang) - cim * Math.sin(ang);
                si += cr * Math.sin(ang) + cim * Math.cos(ang);
            }
            out[2 * t] = (int) sr;
            out[2 * t + 1] = (int) si;
        }
        return out;
    }

    /** The second of two softmax probabilities, computed as torch does (subtract the max first). */
    private static float softmax1(float a, float b) {
        float mx = Math.max(a, b);
        float ea = (float) Math.exp(a - mx);
        float eb = (float) Math.exp(b - mx);
        return eb / (ea + eb);
    }
}
