package io.ocrserve.cli;

import java.io.PrintWriter;
import java.util.Locale;

/** A one-line progress bar on stderr: {@code [#####.....] 12/40 images, 3.1 img/s, ETA 9s}. */
final class ProgressBar {
    static final int WIDTH = 20;

    private final PrintWriter err;
    private final int total;
    private final long startNanos;
    private int lastLength;

    ProgressBar(PrintWriter err, int total, long startNanos) {
        this.err = err;
        this.total = total;
        this.startNanos = startNanos;
    }

    /** The bar after {@code done} of {@code total} items in {@code elapsedNanos}; a pure function. */
    static String format(int done, int total, long elapsedNanos, int width) {
        int filled = total <= 0 ? width : (int) ((long) width * done / total);
        String bar = "#".repeat(filled) + ".".repeat(width - filled);
        double seconds = elapsedNanos / 1e9;
        StringBuilder s = new StringBuilder().append('[').append(bar).append("] ")
                .append(done).append('/').append(total).append(" images");
        if (done > 0 && seconds > 0) {
            double rate = done / seconds;
            s.append(String.format(Locale.ROOT, ", %.1f img/s", rate));
            if (done < total) {
                s.append(", ETA ").append(duration(Math.round((total - done) / rate)));
            } else {
                s.append(", ").append(duration(Math.round(seconds)));
            }
        }
        return s.toString();
    }

    /** 9s, 2m05s, 1h02m. */
    static String duration(long seconds) {
        if (seconds < 60) {
            return seconds + "s";
        }
        if (seconds < 3600) {
            return String.format(Locale.ROOT, "%dm%02ds", seconds / 60, seconds % 60);
        }
        return String.format(Locale.ROOT, "%dh%02dm", seconds / 3600, (seconds % 3600) / 60);
    }

    /** Redraws the bar in place ({@code \r}, padded over a longer previous line). */
    void show(int done, long nowNanos) {
        String line = format(done, total, nowNanos - startNanos, WIDTH);
        err.print("\r" + line + " ".repeat(Math.max(0, lastLength - line.length())));
        err.flush();
        lastLength = line.length();
    }

    /** Wipes the bar so that a message can be printed on a clean line; {@link #show} draws it again. */
    void clear() {
        if (lastLength > 0) {
            err.print("\r" + " ".repeat(lastLength) + "\r");
            err.flush();
            lastLength = 0;
        }
    }

    /** Ends the bar's line. */
    void finish() {
        if (lastLength > 0) {
            err.println();
            err.flush();
            lastLength = 0;
        }
    }
}
