package io.ocrserve.jobs;

import java.nio.file.Path;

/** What a running job may do: log, report progress, find out it was cancelled, write artifacts. */
interface JobContext {
    void log(String line);

    /** {@code done} of {@code total} units; the runner derives progress and ETA. */
    void progress(int done, int total);

    boolean cancelled();

    Path artifacts();

    /** Throws {@link Cancelled} when the job was cancelled: call it between batches. */
    default void checkCancelled() {
        if (cancelled() || Thread.currentThread().isInterrupted()) {
            throw new Cancelled();
        }
    }

    /** Unwinds a cancelled job. */
    final class Cancelled extends RuntimeException {
        Cancelled() {
            super("cancelled", null, false, false);
        }
    }
}
