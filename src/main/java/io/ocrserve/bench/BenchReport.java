package io.ocrserve.bench;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The benchmark's text output: the results table and the goal lines. Pure formatting. */
public final class BenchReport {
    static final String HEADER_FORMAT = "%-10s %5s %7s %9s %9s %9s %9s %7s";
    static final String ROW_FORMAT = "%-10s %5d %7d %9.2f %9.1f %9.1f %9.1f %7d";

    private BenchReport() {
    }

    /** A fixed-width table: mode, conc, images, images/s, p50_ms, p99_ms, mean_ms, errors. */
    public static String table(List<LevelResult> results) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, HEADER_FORMAT, "mode", "conc", "images", "images/s", "p50_ms", "p99_ms",
                "mean_ms", "errors").stripTrailing()).append('\n');
        for (LevelResult r : results) {
            sb.append(String.format(Locale.ROOT, ROW_FORMAT, r.mode(), r.concurrency(), r.completed(),
                    r.imagesPerSecond(), r.p50Ms(), r.p99Ms(), r.meanMs(), r.errors())).append('\n');
        }
        return sb.toString();
    }

    /** The first result of {@code mode} at {@code concurrency}. */
    public static Optional<LevelResult> find(List<LevelResult> results, String mode, int concurrency) {
        return results.stream().filter(r -> r.mode().equals(mode) && r.concurrency() == concurrency).findFirst();
    }

    /** Overhead of {@code measured} over {@code baseline} in percent: 100 * (measured / baseline - 1). */
    public static double overheadPercent(double measured, double baseline) {
        return 100.0 * (measured / baseline - 1.0);
    }

    /**
     * HTTP against in-process at one concurrency: the ratio of mean and of p50 latency, the overhead in % of the
     * mean (the goal's measure: both ran the same images the same number of times) and the verdict.
     */
    public static String overheadLine(LevelResult http, LevelResult local, double goalPercent) {
        double ratioMean = http.meanMs() / local.meanMs();
        double ratioP50 = http.p50Ms() / local.p50Ms();
        double overhead = overheadPercent(http.meanMs(), local.meanMs());
        return String.format(Locale.ROOT,
                "HTTP vs in-process at c=%d: mean %.1f / %.1f ms = x%.3f (%+.1f%%), p50 x%.3f (%+.1f%%); "
                        + "goal: HTTP adds < %.0f%%: %s",
                http.concurrency(), http.meanMs(), local.meanMs(), ratioMean, overhead, ratioP50,
                overheadPercent(http.p50Ms(), local.p50Ms()), goalPercent, verdict(overhead < goalPercent));
    }

    public static String dbLine(String repr, int regions, double msPerMap, double goalMs, boolean judged) {
        return String.format(Locale.ROOT, "DB postprocessing, 736x1280 map, %d regions, %s: %.2f ms per map%s", regions,
                repr, msPerMap, judged ? String.format(Locale.ROOT, "; goal < %.0f ms: %s", goalMs,
                        verdict(msPerMap < goalMs)) : "");
    }

    static String verdict(boolean met) {
        return met ? "MET" : "NOT MET";
    }
}
