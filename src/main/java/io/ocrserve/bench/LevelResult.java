package io.ocrserve.bench;

import java.util.Arrays;

/**
 * One measured load level: the latencies of the requests that succeeded, the wall time of the whole level and
 * the failures. Images/s counts successful requests only.
 */
public record LevelResult(String mode, int concurrency, long[] latenciesNanos, long wallNanos, int errors,
        String firstError) {
    public LevelResult {
        latenciesNanos = latenciesNanos.clone();
        Arrays.sort(latenciesNanos);
    }

    /** Two runs of the same level as one: latencies pooled, wall times and errors added. */
    public LevelResult plus(LevelResult other) {
        long[] all = Arrays.copyOf(latenciesNanos, latenciesNanos.length + other.latenciesNanos.length);
        System.arraycopy(other.latenciesNanos, 0, all, latenciesNanos.length, other.latenciesNanos.length);
        return new LevelResult(mode, concurrency, all, wallNanos + other.wallNanos, errors + other.errors,
                firstError != null ? firstError : other.firstError);
    }

    public int completed() {
        return latenciesNanos.length;
    }

    public double imagesPerSecond() {
        return wallNanos <= 0 ? 0 : completed() / (wallNanos / 1e9);
    }

    public double p50Ms() {
        return percentile(latenciesNanos, 50) / 1e6;
    }

    public double p99Ms() {
        return percentile(latenciesNanos, 99) / 1e6;
    }

    public double meanMs() {
        return latenciesNanos.length == 0 ? Double.NaN
                : Arrays.stream(latenciesNanos).average().orElse(Double.NaN) / 1e6;
    }

    /**
     * The nearest-rank percentile of sorted values: the smallest value with at least {@code p}% of the values at
     * or below it (so p99 of fewer than 100 values is the maximum). NaN for no values.
     */
    public static double percentile(long[] sorted, double p) {
        if (p <= 0 || p > 100) {
            throw new IllegalArgumentException("percentile must be in (0, 100], got " + p);
        }
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length, rank) - 1)];
    }
}
