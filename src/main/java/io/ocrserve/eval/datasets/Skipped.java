package io.ocrserve.eval.datasets;

/** Something a reader left out: where it was (file, line, annotation id) and why. */
public record Skipped(String where, String reason) {
    @Override
    public String toString() {
        return where + ": " + reason;
    }
}
