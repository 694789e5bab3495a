package io.ocrserve.ocr.det;

import java.util.Random;

import io.ocrserve.ocr.FloatTensor;

/** Times DbPostprocessor on a 736x1280 map with 20 rotated text regions: {@code java ... DbPostprocessorBench}. */
public final class DbPostprocessorBench {
    private DbPostprocessorBench() {
    }

    public static void main(String[] args) {
        int h = 736;
        int w = 1280;
        float[] map = new float[h * w];
        Random rnd = new Random(42);
        for (int i = 0; i < 20; i++) {
            int row = i / 4;
            int col = i % 4;
            double cx = 160 + col * 320;
            double cy = 70 + row * 145;
            double angle = rnd.nextDouble() * 30 - 15;
            double rw = 180 + rnd.nextInt(80);
            double rh = 24 + rnd.nextInt(20);
            double a = Math.toRadians(angle);
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    double dx = x - cx;
                    double dy = y - cy;
                    double along = dx * Math.cos(a) + dy * Math.sin(a);
                    double across = -dx * Math.sin(a) + dy * Math.cos(a);
                    if (Math.abs(along) <= rw / 2 && Math.abs(across) <= rh / 2) {
                        map[y * w + x] = 0.6f + 0.3f * rnd.nextFloat();
                    }
                }
            }
        }
        FloatTensor t = new FloatTensor(new long[] {1, h, w}, map);
        for (TextRepr repr : TextRepr.values()) {
            DbPostprocessor pp = new DbPostprocessor(new DbParams(repr, 0.3, 0.6, 3, 1.5, 0.01, 1000));
            int found = 0;
            for (int i = 0; i < 50; i++) {
                found = pp.process(t).size(); // warm-up
            }
            int runs = 200;
            long start = System.nanoTime();
            for (int i = 0; i < runs; i++) {
                pp.process(t);
            }
            double ms = (System.nanoTime() - start) / 1e6 / runs;
            System.out.printf("DbPostprocessor %s: %d regions, %.3f ms per 736x1280 map%n", repr, found, ms);
        }
    }
}
