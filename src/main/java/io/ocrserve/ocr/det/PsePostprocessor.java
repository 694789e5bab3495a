package io.ocrserve.ocr.det;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

import io.ocrserve.ocr.FloatTensor;

/**
 * MMOCR's PSEPostprocessor with mmcv's {@code contour_expand}. mmcv's kernel_dilate never advances its kernel
 * offset (a known bug), so every expansion step floods the text mask: in effect one BFS from the smallest
 * kernel's components through the text mask, which is what is done here, in the same queue order.
 */
public final class PsePostprocessor implements DetPostprocessor {
    private final PseParams params;

    public PsePostprocessor(PseParams params) {
        this.params = params;
    }

    @Override
    public List<TextPolygon> process(FloatTensor maps) {
        int h = maps.dim(maps.rank() - 2);
        int w = maps.dim(maps.rank() - 1);
        int n = h * w;
        int c = InstanceMaps.channels(maps);
        float[] data = maps.data();
        float thr = (float) params.minKernelConfidence();
        float[] score = new float[n];
        boolean[] text = new boolean[n];
        byte[] smallest = new byte[n];
        for (int i = 0; i < n; i++) {
            score[i] = InstanceMaps.sigmoid(data[i]);
            text[i] = score[i] > thr;
            smallest[i] = (byte) (text[i] && InstanceMaps.sigmoid(data[(c - 1) * n + i]) > thr ? 1 : 0);
        }
        int[] labels = new int[n];
        int regionNum = InstanceMaps.connectedComponents(smallest, h, w, 4, labels);
        int[] grown = expand(labels, regionNum, text, h, w);
        return boundaries(grown, score, regionNum, h, w);
    }

    private int[] expand(int[] labels, int regionNum, boolean[] text, int h, int w) {
        int[] area = new int[regionNum + 1];
        for (int l : labels) {
            if (l != 0) {
                area[l]++;
            }
        }
        int[] out = new int[h * w];
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (int p = 0; p < h * w; p++) {
            int l = labels[p];
            if (l != 0 && area[l] >= params.minKernelArea()) {
                queue.add(p);
                out[p] = l;
            }
        }
        int[] drow = {-1, 1, 0, 0}; // mmcv's dx runs over rows, dy over columns
        int[] dcol = {0, 0, -1, 1};
        while (!queue.isEmpty()) {
            int p = queue.poll();
            int r = p / w;
            int col = p % w;
            for (int d = 0; d < 4; d++) {
                int rr = r + drow[d];
                int cc = col + dcol[d];
                if (rr < 0 || rr >= h || cc < 0 || cc >= w) {
                    continue;
                }
                int q = rr * w + cc;
                if (!text[q] || out[q] > 0) {
                    continue;
                }
                out[q] = out[p];
                queue.add(q);
            }
        }
        return out;
    }

    private List<TextPolygon> boundaries(int[] labels, float[] score, int regionNum, int h, int w) {
        int maxLabel = 0;
        for (int l : labels) {
            maxLabel = Math.max(maxLabel, l);
        }
        int[] count = new int[maxLabel + 1];
        double[] sum = new double[maxLabel + 1];
        for (int p = 0; p < h * w; p++) {
            count[labels[p]]++;
            sum[labels[p]] += score[p];
        }
        double up = 1.0 / params.downsampleRatio();
        List<TextPolygon> out = new ArrayList<>();
        for (int l = 1; l <= maxLabel; l++) {
            float mean = count[l] == 0 ? Float.NaN : (float) (sum[l] / count[l]); // np.mean of a float32 map
            if (!(count[l] >= params.minTextArea() && mean > params.minTextAvgConfidence())) {
                continue;
            }
            int[] pts = new int[2 * count[l]];
            int k = 0;
            for (int p = 0; p < h * w; p++) {
                if (labels[p] == l) {
                    pts[k++] = p % w;
                    pts[k++] = p / w;
                }
            }
            TextPolygon poly = Boundaries.pointsToBoundary(pts, params.textReprType(), mean, -1);
            if (poly != null) {
                out.add(InstanceMaps.scale(poly, up));
            }
        }
        return out;
    }
}
