package io.ocrserve.ocr.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class VisualizerTest {
    private static Image white(int w, int h, int channels) {
        byte[] data = new byte[w * h * channels];
        Arrays.fill(data, (byte) 255);
        return new Image(w, h, channels, data);
    }

    private static int[] bgr(Image img, int x, int y) {
        return new int[] {img.at(x, y, 0), img.at(x, y, 1), img.at(x, y, 2)};
    }

    @Test
    void polygonEdgesAreGreenAndTheRestIsUntouched() {
        Image src = white(100, 80, 3);
        double[] square = {20, 20, 80, 20, 80, 60, 20, 60, 0.97}; // a boundary_result row: the score is ignored
        Image out = Visualizer.draw(src, List.of(square), null);
        assertEquals(100, out.width());
        assertEquals(80, out.height());
        assertEquals(3, out.channels());
        int[] green = {0, 255, 0};
        assertArrayEquals(green, bgr(out, 50, 20), "top edge");
        assertArrayEquals(green, bgr(out, 80, 40), "right edge");
        assertArrayEquals(green, bgr(out, 50, 60), "bottom edge");
        assertArrayEquals(green, bgr(out, 20, 40), "left edge");
        assertArrayEquals(new int[] {255, 255, 255}, bgr(out, 50, 40), "inside");
        assertArrayEquals(new int[] {255, 255, 255}, bgr(out, 5, 5), "outside");
        assertArrayEquals(new int[] {255, 255, 255}, bgr(src, 50, 20), "the input image is not changed");
    }

    @Test
    void labelsAreDrawnNearTheirBoxAndNonAsciiBecomesQuestionMarks() {
        Image src = white(200, 100, 3);
        double[] box = {40, 50, 160, 50, 160, 80, 40, 80};
        Image boxOnly = Visualizer.draw(src, List.of(box), null);
        Image labelled = Visualizer.draw(src, List.of(box), List.of("Grüße"));
        int changed = 0;
        for (int y = 25; y < 48; y++) {
            for (int x = 40; x < 160; x++) {
                if (!Arrays.equals(bgr(boxOnly, x, y), bgr(labelled, x, y))) {
                    changed++;
                }
            }
        }
        assertTrue(changed > 20, "text drawn above the box: " + changed + " pixels changed");
        assertArrayEquals(new int[] {0, 255, 0}, bgr(labelled, 60, 50), "the label leaves the outline visible");
        assertEquals("Gr??e", Visualizer.ascii("Grüße"));
        assertEquals("a?b", Visualizer.ascii("a\uD83D\uDE00b"), "a surrogate pair is one character");
    }

    @Test
    void aLabelWithoutRoomAboveGoesBelowTheBox() {
        Image src = white(120, 80, 3);
        double[] box = {10, 2, 100, 2, 100, 20, 10, 20};
        Image boxOnly = Visualizer.draw(src, List.of(box), null);
        Image labelled = Visualizer.draw(src, List.of(box), List.of("TOP"));
        int changedBelow = 0;
        for (int y = 22; y < 45; y++) {
            for (int x = 10; x < 100; x++) {
                if (!Arrays.equals(bgr(boxOnly, x, y), bgr(labelled, x, y))) {
                    changedBelow++;
                }
            }
        }
        assertTrue(changedBelow > 10, "text drawn below the box: " + changedBelow);
        assertArrayEquals(new int[] {0, 255, 0}, bgr(labelled, 30, 20), "the label leaves the outline visible");
    }

    @Test
    void grayImagesComeBackAsBgrAndBadArgumentsAreRefused() {
        Image gray = new Image(30, 30, 1, new byte[900]);
        Image out = Visualizer.draw(gray, List.of(new double[] {5, 5, 25, 5, 25, 25, 5, 25}), null);
        assertEquals(3, out.channels());
        assertArrayEquals(new int[] {0, 255, 0}, bgr(out, 15, 5));
        assertNotEquals(255, out.at(15, 15, 1), "inside stays black");
        assertThrows(IllegalArgumentException.class,
                () -> Visualizer.draw(gray, List.of(new double[] {1, 1, 5, 5, 1, 5}), List.of()));
        // nothing to draw: a copy of the image
        assertArrayEquals(white(10, 10, 3).data(), Visualizer.draw(white(10, 10, 3), List.of(), null).data());
    }
}
