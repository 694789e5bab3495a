package io.ocrserve.ocr.det;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.ocrserve.ocr.FloatTensor;
import io.ocrserve.ocr.image.Image;

class DetPreprocessorTest {
    private static Image uniform(int w, int h, int b, int g, int r) {
        byte[] d = new byte[w * h * 3];
        for (int i = 0; i < w * h; i++) {
            d[3 * i] = (byte) b;
            d[3 * i + 1] = (byte) g;
            d[3 * i + 2] = (byte) r;
        }
        return new Image(w, h, 3, d);
    }

    @Test
    void mmocrKeepRatioSizes() {
        // s = min(1333 / 1280, 736 / 720) = 1.0222: (int(1308.44 + 0.5), int(736 + 0.5))
        assertArrayEquals(new int[] {1308, 736}, DetPreprocessor.keepRatioSize(1280, 720, 1333, 736));
        assertArrayEquals(new int[] {1333, 667}, DetPreprocessor.keepRatioSize(2000, 1000, 1333, 736));
        assertArrayEquals(new int[] {736, 1308}, DetPreprocessor.keepRatioSize(720, 1280, 1333, 736));
    }

    @Test
    void paddleLimitSideSizes() {
        assertArrayEquals(new int[] {960, 544}, DetPreprocessor.limitSideSize(1280, 720, 960)); // 540 -> 544
        assertArrayEquals(new int[] {640, 480}, DetPreprocessor.limitSideSize(640, 480, 960)); // no upscaling
        assertArrayEquals(new int[] {32, 32}, DetPreprocessor.limitSideSize(10, 10, 960));
        assertArrayEquals(new int[] {64, 32}, DetPreprocessor.limitSideSize(80, 16, 960)); // round(2.5) = 2: half to even
    }

    @Test
    void mmocrPipelineNormalizesRgbAndPads() {
        DetInput in = new DetPreprocessor(DetPreprocessConfig.mmocr(1333, 736)).preprocess(uniform(1280, 720, 10, 20, 30));
        assertEquals(736, in.height());
        assertEquals(1312, in.width()); // 1308 padded to a multiple of 32
        assertEquals(1308, in.resizedWidth());
        assertEquals(1308 / 1280.0, in.scaleX(), 1e-12);
        assertEquals(736 / 720.0, in.scaleY(), 1e-12);
        int plane = in.height() * in.width();
        assertEquals((30 - 123.675) / 58.395, in.chw()[0], 1e-5); // channel 0 = R
        assertEquals((20 - 116.28) / 57.12, in.chw()[plane], 1e-5);
        assertEquals((10 - 103.53) / 57.375, in.chw()[2 * plane], 1e-5);
        assertEquals(0f, in.chw()[in.width() - 1]); // padding column
    }

    @Test
    void paddlePipelineKeepsBgrAndScalesToUnit() {
        DetInput in = new DetPreprocessor(DetPreprocessConfig.paddle(960)).preprocess(uniform(1280, 720, 10, 20, 30));
        assertEquals(544, in.height());
        assertEquals(960, in.width());
        assertEquals(544 / 720.0, in.scaleY(), 1e-12);
        assertEquals((10 / 255.0 - 0.485) / 0.229, in.chw()[0], 1e-5); // channel 0 = B
    }

    @Test
    void stackPadsToTheLargestInput() {
        DetInput a = new DetInput(new float[] {1, 2, 3, 4}, 1, 2, 2, 2, 2, 1, 1);
        DetInput b = new DetInput(new float[] {5, 6, 7}, 1, 1, 3, 1, 3, 1, 1);
        FloatTensor t = DetPreprocessor.stack(List.of(a, b));
        assertArrayEquals(new long[] {2, 1, 2, 3}, t.shape());
        assertArrayEquals(new float[] {1, 2, 0, 3, 4, 0, 5, 6, 7, 0, 0, 0}, t.data());
    }
}
