package io.ocrserve.ocr.rec;

import io.ocrserve.ocr.image.Image;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2GRAY;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGRA2BGR;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGRA2GRAY;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_GRAY2BGR;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;
import org.bytedeco.opencv.global.opencv_imgproc;

/** OpenCV resize and colour conversion for recognition crops (what cv2 / mmcv.imresize do). */
final class RecResize {
    private RecResize() {
    }

    /** Bilinear resize (cv2.INTER_LINEAR); the same size returns the image itself. */
    static Image resize(Image img, int width, int height) {
        if (img.width() == width && img.height() == height) {
            return img;
        }
        try (Mat src = toMat(img); Mat dst = new Mat(); Size size = new Size(width, height)) {
            opencv_imgproc.resize(src, dst, size, 0, 0, INTER_LINEAR);
            return fromMat(dst);
        }
    }

    /** To 1 channel (cv2 BGR2GRAY) or 3 channels (GRAY2BGR, BGRA2BGR) as asked. */
    static Image toChannels(Image img, int channels) {
        if (img.channels() == channels) {
            return img;
        }
        int code;
        if (channels == 1) {
            code = img.channels() == 4 ? COLOR_BGRA2GRAY : COLOR_BGR2GRAY;
        } else if (channels == 3) {
            code = img.channels() == 4 ? COLOR_BGRA2BGR : COLOR_GRAY2BGR;
        } else {
            throw new IllegalArgumentException("unsupported channel count " + channels);
        }
        try (Mat src = toMat(img); Mat dst = new Mat()) {
            cvtColor(src, dst, code);
            return fromMat(dst);
        }
    }

    static Mat toMat(Image img) {
        Mat m = new Mat(img.height(), img.width(), CV_8UC(img.channels()));
        m.data().put(img.data());
        return m;
    }

    static Image fromMat(Mat m) {
        Mat c = m.isContinuous() ? m : m.clone();
        try {
            byte[] data = new byte[c.rows() * c.cols() * c.channels()];
            c.data().get(data);
            return new Image(c.cols(), c.rows(), c.channels(), data);
        } finally {
            if (c != m) {
                c.close();
            }
        }
    }
}
