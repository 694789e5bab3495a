package io.ocrserve.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ProgressBarTest {
    private static final long SECOND = 1_000_000_000L;

    @Test
    void startHasNoRateYet() {
        assertEquals("[..........] 0/40 images", ProgressBar.format(0, 40, 0, 10));
    }

    @Test
    void midwayShowsRateAndEta() {
        // 12 images in 3.87 s: 3.1 img/s, 28 left -> 9 s
        assertEquals("[###.......] 12/40 images, 3.1 img/s, ETA 9s", ProgressBar.format(12, 40, 3_870_000_000L, 10));
    }

    @Test
    void halfway() {
        assertEquals("[#####.....] 20/40 images, 2.0 img/s, ETA 10s", ProgressBar.format(20, 40, 10 * SECOND, 10));
    }

    @Test
    void doneShowsTotalTime() {
        assertEquals("[##########] 40/40 images, 0.5 img/s, 1m20s", ProgressBar.format(40, 40, 80 * SECOND, 10));
    }

    @Test
    void longEtas() {
        assertEquals("[..........] 1/1000 images, 0.1 img/s, ETA 2h46m", ProgressBar.format(1, 1000, 10 * SECOND, 10));
        assertEquals("9s", ProgressBar.duration(9));
        assertEquals("2m05s", ProgressBar.duration(125));
        assertEquals("1h02m", ProgressBar.duration(3720));
    }

    @Test
    void redrawsInPlaceAndPadsShorterLines() {
        StringWriter w = new StringWriter();
        ProgressBar bar = new ProgressBar(new PrintWriter(w), 2, 0);
        bar.show(1, SECOND);
        bar.clear();
        bar.show(2, 2 * SECOND);
        bar.finish();
        String s = w.toString();
        assertEquals(true, s.startsWith("\r[" + "#".repeat(10) + "." .repeat(10) + "] 1/2 images, 1.0 img/s, ETA 1s"), s);
        assertEquals(true, s.endsWith("] 2/2 images, 1.0 img/s, 2s" + System.lineSeparator()), s);
    }
}
