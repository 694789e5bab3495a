package io.ocrserve.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class BenchReportTest {

    private static long[] ms(long... values) {
        long[] nanos = new long[values.length];
        for (int i = 0; i < values.length; i++) {
            nanos[i] = values[i] * 1_000_000L;
        }
        return nanos;
    }

    @Test
    void nearestRankPercentiles() {
        long[] sorted = {10, 20, 30, 40, 50, 60, 70, 80, 90, 100};
        assertEquals(50, LevelResult.percentile(sorted, 50));
        assertEquals(100, LevelResult.percentile(sorted, 99));
        assertEquals(100, LevelResult.percentile(sorted, 100));
        assertEquals(10, LevelResult.percentile(sorted, 1));
        assertEquals(10, LevelResult.percentile(sorted, 10));
        assertEquals(20, LevelResult.percentile(sorted, 10.1));
        assertEquals(7, LevelResult.percentile(new long[] {7}, 99));
        assertTrue(Double.isNaN(LevelResult.percentile(new long[0], 50)));
        assertThrows(IllegalArgumentException.class, () -> LevelResult.percentile(sorted, 0));
        assertThrows(IllegalArgumentException.class, () -> LevelResult.percentile(sorted, 101));
    }

    @Test
    void p99Of200ValuesIsThe198th() {
        long[] values = new long[200];
        for (int i = 0; i < 200; i++) {
            values[i] = 200 - i; // unsorted on purpose: LevelResult sorts
        }
        LevelResult r = new LevelResult("x", 1, values, 1, 0, null);
        assertEquals(198e-6, r.p99Ms(), 1e-12);
        assertEquals(100e-6, r.p50Ms(), 1e-12);
    }

    @Test
    void levelResultFigures() {
        LevelResult r = new LevelResult("http", 2, ms(300, 100, 200, 400), 2_000_000_000L, 1, "boom");
        assertEquals(4, r.completed());
        assertEquals(2.0, r.imagesPerSecond(), 1e-9);
        assertEquals(200.0, r.p50Ms(), 1e-9);
        assertEquals(400.0, r.p99Ms(), 1e-9);
        assertEquals(250.0, r.meanMs(), 1e-9);
    }

    @Test
    void plusPoolsTwoRunsOfALevel() {
        LevelResult a = new LevelResult("http", 1, ms(100, 300), 400_000_000L, 0, null);
        LevelResult b = new LevelResult("http", 1, ms(200), 200_000_000L, 1, "late");
        LevelResult sum = a.plus(b);
        assertEquals(3, sum.completed());
        assertEquals(5.0, sum.imagesPerSecond(), 1e-9);
        assertEquals(200.0, sum.p50Ms(), 1e-9);
        assertEquals(300.0, sum.p99Ms(), 1e-9);
        assertEquals(1, sum.errors());
        assertEquals("late", sum.firstError());
    }

    @Test
    void tableHasAHeaderAndOneAlignedRowPerLevel() {
        String table = BenchReport.table(List.of(
                new LevelResult("in-process", 1, ms(100, 200), 500_000_000L, 0, null),
                new LevelResult("http", 8, ms(1000, 1500, 2000), 3_000_000_000L, 2, "x")));
        String[] lines = table.split("\n");
        assertEquals(3, lines.length);
        assertEquals("mode        conc  images  images/s    p50_ms    p99_ms   mean_ms  errors", lines[0]);
        assertEquals("in-process     1       2      4.00     100.0     200.0     150.0       0", lines[1]);
        assertEquals("http           8       3      1.00    1500.0    2000.0    1500.0       2", lines[2]);
        for (String line : lines) {
            assertEquals(lines[0].length(), line.length(), line);
        }
    }

    @Test
    void overheadLineGivesRatiosAndVerdict() {
        LevelResult local = new LevelResult("in-process", 1, ms(100, 100, 100), 1, 0, null);
        LevelResult fast = new LevelResult("http", 1, ms(103, 103, 103), 1, 0, null);
        LevelResult slow = new LevelResult("http", 1, ms(110, 110, 110), 1, 0, null);
        assertEquals(3.0, BenchReport.overheadPercent(103, 100), 1e-9);
        assertEquals("HTTP vs in-process at c=1: mean 103.0 / 100.0 ms = x1.030 (+3.0%), p50 x1.030 (+3.0%); "
                + "goal: HTTP adds < 5%: MET", BenchReport.overheadLine(fast, local, 5));
        assertTrue(BenchReport.overheadLine(slow, local, 5).endsWith("(+10.0%); goal: HTTP adds < 5%: NOT MET"));
    }

    @Test
    void dbLine() {
        assertEquals("DB postprocessing, 736x1280 map, 20 regions, quad: 3.25 ms per map; goal < 5 ms: MET",
                BenchReport.dbLine("quad", 20, 3.25, 5, true));
        assertEquals("DB postprocessing, 736x1280 map, 20 regions, poly: 6.00 ms per map",
                BenchReport.dbLine("poly", 20, 6.0, 5, false));
    }

    @Test
    void findPicksModeAndConcurrency() {
        List<LevelResult> results = List.of(new LevelResult("http", 1, ms(1), 1, 0, null),
                new LevelResult("http", 2, ms(2), 1, 0, null));
        assertEquals(2, BenchReport.find(results, "http", 2).orElseThrow().concurrency());
        assertTrue(BenchReport.find(results, "in-process", 1).isEmpty());
    }
}
