package io.ocrserve.ocr.det;

import static org.bytedeco.opencv.global.opencv_imgproc.CHAIN_APPROX_NONE;
import static org.bytedeco.opencv.global.opencv_imgproc.RETR_LIST;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.MatVector;
import org.bytedeco.opencv.opencv_core.Scalar;

import io.ocrserve.ocr.FloatTensor;

/**
 * MMOCR's PANPostprocessor with mmcv's {@code pixel_group}: kernels (4-connected components) grow by BFS from
 * their contour pixels into text pixels whose embedding is close to the kernel's mean embedding. Input: the
 * pre-sigmoid head output (text, kernel, 4 embedding channels); output points in network-input pixels.
 */
public final class PanPostprocessor implements DetPostprocessor {
    private final PanParams params;

    public PanPostprocessor(PanParams params) {
        this.params = params;
    }

    @Override
    public List<TextPolygon> process(FloatTensor maps) {
        int h = maps.dim(maps.rank() - 2);
        int w = maps.dim(maps.rank() - 1);
        int n = h * w;
        int embDim = InstanceMaps.channels(maps) - 2;
        float[] data = maps.data();
        float[] score = new float[n];
        boolean[] text = new boolean[n];
        byte[] kernel = new byte[n];
        float textThr = (float) params.minTextConfidence();
        float kernelThr = (float) params.minKernelConfidence();
        for (int i = 0; i < n; i++) {
            score[i] = InstanceMaps.sigmoid(data[i]);
            text[i] = score[i] > textThr;
            if (text[i] && InstanceMaps.sigmoid(data[n + i]) > kernelThr) {
                kernel[i] = (byte) 255;
            }
        }
        int[] labels = new int[n];
        int regionNum = InstanceMaps.connectedComponents(kernel, h, w, 4, labels);
        byte[] kernelContour = kernelContours(kernel, h, w);
        int[] textLabel = pixelGroup(data, n, w, h, embDim, text, labels, kernelContour, regionNum,
                (float) params.minTextAvgConfidence());
        return boundaries(textLabel, score, regionNum, w, h);
    }

    private static byte[] kernelContours(byte[] kernel, int h, int w) {
        byte[] out = new byte[h * w];
        try (Mat k = CvMats.mask(kernel, h, w); Mat drawn = CvMats.mask(out, h, w);
                MatVector contours = new MatVector(); Mat hier = new Mat(); Scalar white = new Scalar(255)) {
            opencv_imgproc.findContours(k, contours, hier, RETR_LIST, CHAIN_APPROX_NONE);
            opencv_imgproc.drawContours(drawn, contours, -1, white);
            drawn.data().get(out);
        }
        return out;
    }

    /** mmcv pixel_group_cpu: labels after growing the kernels (float arithmetic as in the C++). */
    private static int[] pixelGroup(float[] data, int n, int w, int h, int embDim, boolean[] text, int[] kernelLabel,
            byte[] kernelContour, int regionNum, float disThreshold) {
        float thrSq = disThreshold * disThreshold;
        float[][] kernelVec = new float[regionNum][embDim + 1];
        ArrayDeque<int[]> queue = new ArrayDeque<>();
        int embOff = 2 * n;
        for (int i = 0; i < h; i++) {
            for (int j = 0; j < w; j++) {
                int p = i * w + j;
                int label = kernelLabel[p];
                if (label > 0) {
                    for (int d = 0; d < embDim; d++) {
                        kernelVec[label][d] += data[embOff + d * n + p];
                    }
                    kernelVec[label][embDim] += 1;
                    if (kernelContour[p] != 0) {
                        queue.add(new int[] {i, j, label});
                    }
                }
            }
        }
        for (int l = 0; l < regionNum; l++) {
            for (int d = 0; d < embDim; d++) {
                kernelVec[l][d] /= kernelVec[l][embDim];
            }
        }
        int[] textLabel = kernelLabel.clone();
        int[] dx = {-1, 1, 0, 0};
        int[] dy = {0, 0, -1, 1};
        while (!queue.isEmpty()) {
            int[] q = queue.poll();
            float[] kv = kernelVec[q[2]];
            for (int idx = 0; idx < 4; idx++) {
                int ty = q[0] + dy[idx];
                int tx = q[1] + dx[idx];
                if (ty < 0 || ty >= h || tx < 0 || tx >= w) {
                    continue;
                }
                int p = ty * w + tx;
                if (!text[p] || textLabel[p] > 0) {
                    continue;
                }
                float dis = 0;
                for (int d = 0; d < embDim; d++) {
                    double diff = kv[d] - data[embOff + d * n + p];
                    dis = (float) (dis + diff * diff);
                    if (dis >= thrSq) {
                        break;
                    }
                }
                if (dis >= thrSq) {
                    continue;
                }
                queue.add(new int[] {ty, tx, q[2]});
                textLabel[p] = q[2];
            }
        }
        return textLabel;
    }

    private List<TextPolygon> boundaries(int[] textLabel, float[] score, int regionNum, int w, int h) {
        float[] sum = new float[regionNum];
        int[] count = new int[regionNum];
        for (int p = 0; p < w * h; p++) {
            int l = textLabel[p];
            if (l > 0) {
                sum[l] += score[p]; // float accumulation, as estimate_confidence does
                count[l]++;
            }
        }
        int[][] points = new int[regionNum][];
        int[] fill = new int[regionNum];
        for (int l = 0; l < regionNum; l++) {
            points[l] = new int[2 * count[l]];
        }
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int l = textLabel[y * w + x];
                if (l > 0) {
                    points[l][fill[l]++] = x;
                    points[l][fill[l]++] = y;
                }
            }
        }
        double up = 1.0 / params.downsampleRatio();
        List<TextPolygon> out = new ArrayList<>();
        for (int l = 0; l < regionNum; l++) {
            float conf = count[l] > 0 ? sum[l] / count[l] : 0f;
            if (!(count[l] >= params.minTextArea() && conf > params.minTextAvgConfidence())) {
                continue;
            }
            TextPolygon p = Boundaries.pointsToBoundary(points[l], params.textReprType(), conf, -1);
            if (p != null) {
                out.add(InstanceMaps.scale(p, up));
            }
        }
        return out;
    }
}
