package io.ocrserve.ocr.e2e;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LineMergerTest {
    static OcrWord word(String text, double x0, double y0, double x1, double y1) {
        return new OcrWord(new double[] {x0, y0, x1, y0, x1, y1, x0, y1}, 0.9, text, 0.8);
    }

    @Test
    void mergesSplitsAndSeparatesLines() {
        List<OcrWord> in = List.of(
                word("hello", 0, 0, 10, 10),
                word("world", 15, 1, 30, 11),    // gap 5, overlap 9
                word("far", 100, 0, 120, 10),    // same line, but 70 px right of "world": own entry
                word("next", 0, 30, 10, 40));    // another line
        List<OcrWord> out = LineMerger.merge(in);
        assertEquals(3, out.size());
        assertEquals("hello world", out.get(0).text());
        assertArrayEquals(new double[] {0, 0, 30, 0, 30, 11, 0, 11}, out.get(0).box());
        assertTrue(out.get(0).isMerged());
        assertEquals("far", out.get(1).text());
        assertArrayEquals(new double[] {100, 0, 120, 0, 120, 10, 100, 10}, out.get(1).box());
        assertEquals("next", out.get(2).text());
    }

    @Test
    void lineGrowsFromRightmostBox() {
        // b overlaps a by 6 (>= 0.5 * 10), c overlaps b by 5 but a only by 1: still one line via b
        List<OcrWord> in = List.of(word("c", 40, 9, 50, 19), word("a", 0, 0, 10, 10), word("b", 20, 4, 30, 14));
        List<OcrWord> out = LineMerger.merge(in);
        assertEquals(1, out.size());
        assertEquals("a b c", out.get(0).text());
        assertArrayEquals(new double[] {0, 0, 50, 0, 50, 19, 0, 19}, out.get(0).box());
    }

    @Test
    void overlapRule() {
        double[] a = {0, 0, 10, 0, 10, 10, 0, 10};
        assertTrue(LineMerger.onSameLine(a, new double[] {0, 5, 1, 5, 1, 20, 0, 20}, 0.5));  // 5 >= 5
        assertFalse(LineMerger.onSameLine(a, new double[] {0, 6, 1, 6, 1, 30, 0, 30}, 0.5)); // 4 < 5, 4 < 12
        assertTrue(LineMerger.onSameLine(a, new double[] {0, 6, 1, 6, 1, 8, 0, 8}, 0.8));    // inside: 2 >= 1.6
        assertFalse(LineMerger.onSameLine(a, new double[] {0, 11, 1, 11, 1, 20, 0, 20}, 0.0));
    }

    @Test
    void singleWordUnchanged() {
        OcrWord w = word("solo", 1, 2, 3, 4);
        List<OcrWord> out = LineMerger.merge(List.of(w));
        assertSame(w, out.get(0));
        assertEquals(0.9, out.get(0).boxScore());
    }

    @Test
    void fromBoundaryRoundsHalfEven() {
        OcrWord w = OcrWord.fromBoundary(new double[] {0.5, 1.5, 2.5, 3.49}, 0.7, "t", 0.6);
        assertArrayEquals(new double[] {0, 2, 2, 3}, w.box());
    }
}
