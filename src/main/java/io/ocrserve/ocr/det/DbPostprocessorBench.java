package io.ocrserve.ocr.det;

import io.ocrserve.ocr.FloatTensor;
import java.util.Random;

/**
 * Times DbPostprocessor on a 736x1280 map with 20 rotated text regions: {@code java ... DbPostprocessorBench}, or
 * {@link #time} from {@code ocrserve bench}.
 */
public final class DbPostprocessorBench {
    public static final int HEIGHT = 736;
    public static final int WIDTH = 1280;

    /** Mean time of one {@code process} call on the synthetic map, and how many regions it found. */
    public record Timing(TextRepr repr, int regions, int runs, double msPerMap) {}

    private DbPostprocessorBench() {
    }

    public static void main(String[] args) {
        FloatTensor map = syntheticMap();
        for (TextRepr repr : TextRepr.values()) {
            Timing t = time(map, repr, 50, 200);
            System.out.printf("DbPostprocessor %s: %d regions, %.3f ms per %dx%d map%n", repr, t.regions(),
                    t.msPerMap(), HEIGHT, WIDTH);
        }
    }

    /** A 1x736x1280 probability map: 20 rotated rectangles of score 0.6-0.9 on zero, fixed seed. */
    public static FloatTensor syntheticMap() {
        int h = HEIGHT;
        int w = WIDTH;
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
        return new FloatTensor(new long[] {1, h, w}, map);
    }

    /** Times {@code runs} calls after {@code warmup} untimed ones, with PP-OCR's DB settings in the given repr. */
    public static Timing time(FloatTensor map, TextRepr repr, int warmup, int runs) {
        DbPostprocessor pp = new DbPostprocessor(new DbParams(repr, 0.3, 0.6, 3, 1.5, 0.01, 1000));
        int found = 0;
        for (int i = 0; i < warmup; i++) {
            found = pp.process(map).size();
        }
        long start = System.nanoTime();
        for (int i = 0; i < runs; i++) {
            found = pp.process(map).size();
        }
        return new Timing(repr, found, runs, (System.nanoTime() - start) / 1e6 / runs);
    }
}
