package io.ocrserve.ocr.det;

import static org.bytedeco.opencv.global.opencv_core.CV_32S;

import java.util.ArrayDeque;

import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;

import io.ocrserve.ocr.FloatTensor;

/** Map helpers shared by the segmentation-style postprocessors (PAN, PSE, FCE, TextSnake). */
final class InstanceMaps {
    private InstanceMaps() {
    }

    /** torch.sigmoid in float32. */
    static float sigmoid(float x) {
        return (float) (1.0 / (1.0 + Math.exp(-x)));
    }

    /** Channel {@code c} of a CHW tensor (a copy). */
    static float[] channel(FloatTensor t, int c) {
        int h = t.dim(t.rank() - 2);
        int w = t.dim(t.rank() - 1);
        float[] out = new float[h * w];
        System.arraycopy(t.data(), c * h * w, out, 0, h * w);
        return out;
    }

    static int channels(FloatTensor t) {
        return t.rank() == 2 ? 1 : t.dim(t.rank() - 3);
    }

    /** cv2.connectedComponents(mask, connectivity) labels (0 = background); returns the label count. */
    static int connectedComponents(byte[] mask, int h, int w, int connectivity, int[] labelsOut) {
        try (Mat m = CvMats.mask(mask, h, w); Mat labels = new Mat()) {
            int n = opencv_imgproc.connectedComponents(m, labels, connectivity, CV_32S);
            try (IntPointer p = new IntPointer(labels.data())) {
                p.get(labelsOut, 0, h * w);
            }
            return n;
        }
    }

    /**
     * MMOCR's fill_hole: the mask plus every background pixel not 4-connected to the border (cv2.floodFill
     * from the corner of a one-pixel padded canvas).
     */
    static byte[] fillHole(byte[] mask, int h, int w) {
        int ph = h + 2;
        int pw = w + 2;
        boolean[] outside = new boolean[ph * pw];
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        outside[0] = true;
        queue.add(0);
        while (!queue.isEmpty()) {
            int i = queue.poll();
            int y = i / pw;
            int x = i % pw;
            int[] nb = {y > 0 ? i - pw : -1, y < ph - 1 ? i + pw : -1, x > 0 ? i - 1 : -1, x < pw - 1 ? i + 1 : -1};
            for (int j : nb) {
                if (j < 0 || outside[j]) {
                    continue;
                }
                int yy = j / pw - 1;
                int xx = j % pw - 1;
                boolean fg = yy >= 0 && yy < h && xx >= 0 && xx < w && mask[yy * w + xx] != 0;
                if (!fg) {
                    outside[j] = true;
                    queue.add(j);
                }
            }
        }
        byte[] out = new byte[h * w];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                out[y * w + x] = (byte) (mask[y * w + x] != 0 || !outside[(y + 1) * pw + x + 1] ? 1 : 0);
            }
        }
        return out;
    }

    /** Scales polygon points by {@code f} (map coordinates to network-input coordinates). */
    static TextPolygon scale(TextPolygon p, double f) {
        if (f == 1.0) {
            return p;
        }
        double[] pts = p.points().clone();
        for (int i = 0; i < pts.length; i++) {
            pts[i] *= f;
        }
        return new TextPolygon(pts, p.score());
    }
}
