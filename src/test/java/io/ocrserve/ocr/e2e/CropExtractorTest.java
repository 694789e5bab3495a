package io.ocrserve.ocr.e2e;

import io.ocrserve.ocr.image.Image;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CropExtractorTest {
    /** 1 channel, pixel = (x + 2 * y) mod 256: every position recognizable. */
    static Image gradient(int w, int h) {
        byte[] d = new byte[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                d[y * w + x] = (byte) ((x + 2 * y) & 0xff);
            }
        }
        return new Image(w, h, 1, d);
    }

    static double[] rect(double x0, double y0, double x1, double y1) {
        return new double[] {x0, y0, x1, y0, x1, y1, x0, y1};
    }

    @Test
    void horizontalBoxPadding() {
        Image img = gradient(100, 50);
        // 40x10 box: fs = 10, x pad 4, y pad 2 -> [6, 54) x [8, 22)
        Image c = CropExtractor.crop(img, rect(10, 10, 50, 20)).orElseThrow();
        assertEquals(48, c.width());
        assertEquals(14, c.height());
        assertEquals(img.at(6, 8, 0), c.at(0, 0, 0));
        assertEquals(img.at(53, 21, 0), c.at(47, 13, 0));
    }

    @Test
    void verticalBoxPaddingClippedToImage() {
        Image img = gradient(100, 50);
        // 10x40 box: fs = 10, x pad 2, y pad 4 -> [8, 22) x [6, 54 -> 50)
        Image c = CropExtractor.crop(img, rect(10, 10, 20, 50)).orElseThrow();
        assertEquals(14, c.width());
        assertEquals(44, c.height());
        assertEquals(img.at(8, 6, 0), c.at(0, 0, 0));
    }

    @Test
    void pointsOutsideAreClippedFirst() {
        Image img = gradient(100, 50);
        // x clipped to 0..30 (w 30), y 0..10: fs 10 -> left max(0, int(-4)), top 0, right 34, bottom 12
        Image c = CropExtractor.crop(img, rect(-5, 0, 30, 10)).orElseThrow();
        assertEquals(34, c.width());
        assertEquals(12, c.height());
        // fractional edges truncate: (2.5, 5.5)-(32.5, 15.5) -> left int(-1.5) = -1 -> 0, top int(3.5) = 3,
        // right int(36.5) = 36, bottom int(17.5) = 17
        Image f = CropExtractor.crop(img, rect(2.5, 5.5, 32.5, 15.5)).orElseThrow();
        assertEquals(36, f.width());
        assertEquals(14, f.height());
        assertEquals(img.at(0, 3, 0), f.at(0, 0, 0));
    }

    @Test
    void polygonUsesBounds() {
        double[] poly = {10, 12, 30, 10, 50, 14, 50, 20, 30, 22, 10, 20};
        assertArrayEquals(rect(10, 10, 50, 22), CropExtractor.cropQuad(poly));
        Image c = CropExtractor.crop(gradient(100, 50), poly).orElseThrow();
        // 40x12: fs 12, x pad 4.8, y pad 2.4 -> [int(5.2), int(54.8)) x [int(7.6), int(24.4)) = [5, 54) x [7, 24)
        assertEquals(49, c.width());
        assertEquals(17, c.height());
    }

    @Test
    void degenerateBoxIsEmpty() {
        assertTrue(CropExtractor.crop(gradient(100, 50), rect(100, 10, 120, 20)).isEmpty());
    }

    @Test
    void warpAxisAlignedIsExactCrop() {
        Image img = gradient(100, 50);
        Image c = CropExtractor.warpMinAreaRect(img, rect(10, 10, 50, 20)).orElseThrow();
        assertEquals(40, c.width());
        assertEquals(10, c.height());
        for (int y = 0; y < 10; y++) {
            for (int x = 0; x < 40; x++) {
                assertEquals(img.at(10 + x, 10 + y, 0), c.at(x, y, 0), x + "," + y);
            }
        }
    }

    @Test
    void warpTallIsRotated() {
        Image img = gradient(100, 60);
        Image c = CropExtractor.warpMinAreaRect(img, rect(10, 10, 20, 50)).orElseThrow();
        assertEquals(40, c.width());
        assertEquals(10, c.height());
        // np.rot90 anticlockwise: the crop's top-right pixel (19, 10) ends at the top-left
        assertEquals(img.at(19, 10, 0), c.at(0, 0, 0));
    }

    @Test
    void cornerOrder() {
        float[] q = CropExtractor.orderedMinAreaRect(new double[] {50, 20, 10, 20, 10, 10, 50, 10});
        assertArrayEquals(new float[] {10, 10, 50, 10, 50, 20, 10, 20}, q);
    }
}
