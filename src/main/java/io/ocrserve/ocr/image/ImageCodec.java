package io.ocrserve.ocr.image;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.opencv.global.opencv_imgcodecs;
import org.bytedeco.opencv.opencv_core.Mat;

import io.ocrserve.ocr.InvalidInputException;

/** Image bytes to a 3-channel BGR {@link Image} (OpenCV's imdecode) and back (PNG, JPEG). */
public final class ImageCodec {
    private ImageCodec() {
    }

    /**
     * Decodes to 8-bit BGR: gray and alpha images become BGR, 16-bit becomes 8-bit (IMREAD_COLOR). The size is
     * read from the header first where Java can read it (PNG, JPEG, BMP, GIF, TIFF), so an oversized image is
     * refused before its pixels are allocated; other formats are checked after decoding.
     *
     * @param applyExifOrientation true as MMOCR's ocr.py (cv2.imread), false as its datasets
     *                             ({@code color_ignore_orientation})
     */
    public static Image decode(byte[] bytes, long maxPixels, boolean applyExifOrientation) {
        if (bytes == null || bytes.length == 0) {
            throw new InvalidInputException("cannot decode image: no data");
        }
        long[] size = headerSize(bytes);
        if (size != null) {
            checkSize(size[0], size[1], maxPixels);
        }
        int flags = opencv_imgcodecs.IMREAD_COLOR;
        if (!applyExifOrientation) {
            flags |= opencv_imgcodecs.IMREAD_IGNORE_ORIENTATION;
        }
        try (Mat buf = new Mat(1, bytes.length, org.bytedeco.opencv.global.opencv_core.CV_8UC1)) {
            buf.data().put(bytes);
            try (Mat img = opencv_imgcodecs.imdecode(buf, flags)) {
                if (img == null || img.empty()) {
                    throw new InvalidInputException("cannot decode image: unknown format or corrupt data ("
                            + bytes.length + " bytes)");
                }
                checkSize(img.cols(), img.rows(), maxPixels);
                return ImageOps.fromMat(img);
            }
        } catch (RuntimeException e) {
            if (e instanceof InvalidInputException) {
                throw e;
            }
            throw new InvalidInputException("cannot decode image: " + e.getMessage(), e);
        }
    }

    public static byte[] encodePng(Image image) {
        return encode(image, ".png", new int[0]);
    }

    /** JPEG at quality 0..100. */
    public static byte[] encodeJpeg(Image image, int quality) {
        if (quality < 0 || quality > 100) {
            throw new IllegalArgumentException("JPEG quality must be 0..100: " + quality);
        }
        return encode(image, ".jpg", new int[] {opencv_imgcodecs.IMWRITE_JPEG_QUALITY, quality});
    }

    private static byte[] encode(Image image, String ext, int[] params) {
        try (Mat mat = ImageOps.toMat(image); BytePointer out = new BytePointer();
                IntPointer p = new IntPointer(params)) {
            boolean ok = opencv_imgcodecs.imencode(ext, mat, out, p);
            if (!ok) {
                throw new IllegalStateException("cannot encode image as " + ext);
            }
            return ImageOps.bytes(out, out.limit());
        }
    }

    private static void checkSize(long width, long height, long maxPixels) {
        if (width * height > maxPixels) {
            throw new InvalidInputException("image is " + width + "x" + height + " = " + (width * height)
                    + " pixels, more than the limit of " + maxPixels);
        }
    }

    /** Width and height from the header only, or null where no Java reader knows the format. */
    private static long[] headerSize(byte[] bytes) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            if (in == null) {
                return null;
            }
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                return null;
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                return new long[] {reader.getWidth(0), reader.getHeight(0)};
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            return null; // a header Java cannot read: let OpenCV decide
        }
    }
}
