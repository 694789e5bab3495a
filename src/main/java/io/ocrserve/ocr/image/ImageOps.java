package io.ocrserve.ocr.image;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC;
import static org.bytedeco.opencv.global.opencv_core.ROTATE_180;
import static org.bytedeco.opencv.global.opencv_core.ROTATE_90_CLOCKWISE;
import static org.bytedeco.opencv.global.opencv_core.ROTATE_90_COUNTERCLOCKWISE;

import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;

/** Pixel operations on {@link Image}s, done by OpenCV with cv2's semantics. Every Mat made here is freed here. */
public final class ImageOps {
    private ImageOps() {
    }

    /** A new Mat owning a copy of the image's pixels (the caller closes it). */
    public static Mat toMat(Image image) {
        Mat mat = new Mat(image.height(), image.width(), CV_8UC(image.channels()));
        mat.data().put(image.data()); // the Mat is freshly allocated, hence continuous
        return mat;
    }

    /** Copies an 8-bit Mat (any channel count) into an Image; the Mat stays owned by the caller. */
    public static Image fromMat(Mat mat) {
        if (mat.depth() != opencv_core.CV_8U) {
            throw new IllegalArgumentException("expected an 8-bit Mat, got depth " + mat.depth());
        }
        byte[] data = new byte[mat.rows() * mat.cols() * mat.channels()];
        if (mat.isContinuous()) {
            mat.data().get(data);
        } else {
            try (Mat copy = mat.clone()) {
                copy.data().get(data);
            }
        }
        return new Image(mat.cols(), mat.rows(), mat.channels(), data);
    }

    /** cv2.resize with INTER_LINEAR (what mmcv.imresize and PaddleOCR use) to width x height. */
    public static Image resize(Image image, int width, int height) {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("resize target must be positive: " + width + "x" + height);
        }
        if (width == image.width() && height == image.height()) {
            return image;
        }
        try (Mat src = toMat(image); Mat dst = new Mat(); Size size = new Size(width, height)) {
            opencv_imgproc.resize(src, dst, size, 0, 0, opencv_imgproc.INTER_LINEAR);
            return fromMat(dst);
        }
    }

    /** The pixels of the rectangle [x, x + w) x [y, y + h), which must lie inside the image. */
    public static Image crop(Image image, int x, int y, int w, int h) {
        if (x < 0 || y < 0 || w <= 0 || h <= 0 || x + w > image.width() || y + h > image.height()) {
            throw new IllegalArgumentException("crop " + x + "," + y + " " + w + "x" + h + " outside image "
                    + image.width() + "x" + image.height());
        }
        int c = image.channels();
        byte[] out = new byte[w * h * c];
        for (int r = 0; r < h; r++) {
            System.arraycopy(image.data(), ((y + r) * image.width() + x) * c, out, r * w * c, w * c);
        }
        return new Image(w, h, c, out);
    }

    /** Rotation clockwise by 90, 180 or 270 degrees (0 returns the image). */
    public static Image rotate(Image image, int degreesClockwise) {
        int code;
        switch (((degreesClockwise % 360) + 360) % 360) {
            case 0:
                return image;
            case 90:
                code = ROTATE_90_CLOCKWISE;
                break;
            case 180:
                code = ROTATE_180;
                break;
            case 270:
                code = ROTATE_90_COUNTERCLOCKWISE;
                break;
            default:
                throw new IllegalArgumentException("rotation must be a multiple of 90 degrees: " + degreesClockwise);
        }
        try (Mat src = toMat(image); Mat dst = new Mat()) {
            opencv_core.rotate(src, dst, code);
            return fromMat(dst);
        }
    }

    /** One-channel gray image (cv2.COLOR_BGR2GRAY for 3 channels, BGRA2GRAY for 4). */
    public static Image toGray(Image image) {
        if (image.channels() == 1) {
            return image;
        }
        int code = image.channels() == 4 ? opencv_imgproc.COLOR_BGRA2GRAY : opencv_imgproc.COLOR_BGR2GRAY;
        try (Mat src = toMat(image); Mat dst = new Mat()) {
            opencv_imgproc.cvtColor(src, dst, code);
            return fromMat(dst);
        }
    }

    /** Reads a byte array out of a BytePointer of known length (used for encoded images). */
    static byte[] bytes(BytePointer p, long length) {
        byte[] out = new byte[Math.toIntExact(length)];
        p.get(out);
        return out;
    }
}
