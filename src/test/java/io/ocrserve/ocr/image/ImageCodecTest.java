package io.ocrserve.ocr.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

import io.ocrserve.ocr.InvalidInputException;

class ImageCodecTest {
    private static final Path DEMO = Path.of("/work/shared/data/mmocr-toy/demo/demo_text_det.jpg");

    private static byte[] png(BufferedImage img) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }

    @Test
    void decodesARealJpegToBgr() throws IOException {
        byte[] bytes = Files.readAllBytes(DEMO);
        BufferedImage ref = ImageIO.read(DEMO.toFile());
        Image img = ImageCodec.decode(bytes, 100_000_000L, false);
        assertEquals(ref.getWidth(), img.width());
        assertEquals(ref.getHeight(), img.height());
        assertEquals(3, img.channels());
        // JPEG decoders differ by a few levels at most; compare the mean red value
        double ours = 0;
        double theirs = 0;
        for (int y = 0; y < img.height(); y += 7) {
            for (int x = 0; x < img.width(); x += 7) {
                ours += img.at(x, y, 2);
                theirs += (ref.getRGB(x, y) >> 16) & 0xff;
            }
        }
        assertEquals(theirs, ours, theirs * 0.01);
    }

    @Test
    void grayAnd16BitPngBecome8BitBgr() throws IOException {
        BufferedImage gray = new BufferedImage(4, 3, BufferedImage.TYPE_USHORT_GRAY);
        gray.getRaster().setSample(1, 2, 0, 0xABCD);
        Image img = ImageCodec.decode(png(gray), 1000, false);
        assertEquals(3, img.channels());
        assertEquals(0xAB, img.at(1, 2, 0));
        assertEquals(0xAB, img.at(1, 2, 2));
        assertEquals(0, img.at(0, 0, 1));
    }

    @Test
    void corruptBytesAreInvalidInput() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> ImageCodec.decode("not an image at all".getBytes(), 1000, false));
        assertTrue(e.getMessage().startsWith("cannot decode image"), e.getMessage());
        assertThrows(InvalidInputException.class, () -> ImageCodec.decode(new byte[0], 1000, false));
    }

    @Test
    void truncatedJpegIsInvalidInput() throws IOException {
        byte[] bytes = Files.readAllBytes(DEMO);
        byte[] cut = java.util.Arrays.copyOf(bytes, 200);
        assertThrows(InvalidInputException.class, () -> ImageCodec.decode(cut, 100_000_000L, false));
    }

    @Test
    void oversizedImageIsRefusedWithItsSize() throws IOException {
        byte[] big = png(new BufferedImage(3000, 2000, BufferedImage.TYPE_BYTE_GRAY));
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> ImageCodec.decode(big, 1_000_000L, false));
        assertTrue(e.getMessage().contains("3000x2000") && e.getMessage().contains("1000000"), e.getMessage());
    }

    @Test
    void pngRoundTripIsExactAndJpegIsClose() {
        byte[] d = new byte[5 * 4 * 3];
        for (int i = 0; i < d.length; i++) {
            d[i] = (byte) (i * 7);
        }
        Image img = new Image(5, 4, 3, d);
        Image back = ImageCodec.decode(ImageCodec.encodePng(img), 100, false);
        assertArrayEquals(d, back.data());
        Image jpg = ImageCodec.decode(ImageCodec.encodeJpeg(img, 95), 100, false);
        assertEquals(5, jpg.width());
        assertEquals(4, jpg.height());
    }

    @Test
    void imageOpsResizeCropRotateGray() {
        byte[] d = new byte[4 * 2 * 3];
        for (int i = 0; i < 8; i++) {
            d[3 * i] = (byte) (i * 10); // B
        }
        Image img = new Image(4, 2, 3, d);
        Image rot = ImageOps.rotate(img, 90);
        assertEquals(2, rot.width());
        assertEquals(4, rot.height());
        assertEquals(img.at(0, 1, 0), rot.at(0, 0, 0)); // clockwise: bottom-left goes to top-left
        Image crop = ImageOps.crop(img, 1, 1, 2, 1);
        assertEquals(50, crop.at(0, 0, 0));
        Image up = ImageOps.resize(new Image(2, 1, 1, new byte[] {0, 100}), 4, 1);
        // cv2 INTER_LINEAR, half-pixel centers: 0, 25, 75, 100
        assertArrayEquals(new byte[] {0, 25, 75, 100}, up.data());
        Image g = ImageOps.toGray(new Image(1, 1, 3, new byte[] {0, 0, (byte) 255}));
        assertEquals(76, g.at(0, 0, 0)); // 0.299 * 255
    }
}
