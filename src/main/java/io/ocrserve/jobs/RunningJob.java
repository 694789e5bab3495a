package io.ocrserve.jobs;

import io.ocrserve.serving.worker.WorkerPool;
import java.nio.file.Path;
import java.util.concurrent.Future;
import java.util.function.BiConsumer;
import java.util.function.Function;

/** The runner's handle on one queued or running job: cancel flag, future, progress and ETA, log. */
final class RunningJob implements JobContext {
    private static final long SAVE_EVERY_NANOS = 1_000_000_000L;
    private static final long WORKER_WAIT_MS = 180_000;
    final String id;
    private final JobStore store;
    private final Function<String, JobInfo> lookup;
    private final BiConsumer<JobInfo, Boolean> sink;
    private final JobMetrics metrics;
    volatile boolean cancel;
    volatile Future<?> future;
    volatile int total;
    private long startNanos;
    private long lastSaveNanos;
    private int lastTenth;

    RunningJob(String id, JobStore store, Function<String, JobInfo> lookup, BiConsumer<JobInfo, Boolean> sink,
            JobMetrics metrics) {
        this.id = id;
        this.store = store;
        this.lookup = lookup;
        this.sink = sink;
        this.metrics = metrics;
    }

    /** The job starts now: the clock for rate and ETA. */
    synchronized void started() {
        startNanos = System.nanoTime();
    }

    @Override
    public void log(String line) {
        store.log(id, line);
    }

    @Override
    public synchronized void progress(int done, int total) {
        long now = System.nanoTime();
        if (startNanos == 0) {
            startNanos = now;
        }
        this.total = total;
        JobInfo j = lookup.apply(id);
        if (j.state() != JobState.RUNNING || total <= 0) {
            return;
        }
        double seconds = (now - startNanos) / 1e9;
        Long eta = done > 0 && seconds > 0 ? Math.round(seconds / done * (total - done)) : null;
        boolean save = now - lastSaveNanos > SAVE_EVERY_NANOS || done == total;
        if (save) {
            lastSaveNanos = now;
        }
        // inference is 99% of the work; the last 1% is the metrics
        sink.accept(j.progressed(Math.min(0.99, 0.99 * done / total), eta), save);
        if (seconds > 0) {
            metrics.rate(done / seconds);
        }
        metrics.image();
        int tenth = (int) (10L * done / total);
        if (tenth > lastTenth) {
            lastTenth = tenth;
            log(String.format(java.util.Locale.ROOT, "%d/%d images (%.1f img/s)", done, total,
                    seconds > 0 ? done / seconds : 0.0));
        }
    }

    @Override
    public boolean cancelled() {
        return cancel;
    }

    @Override
    public Path artifacts() {
        return store.artifacts(id);
    }

    /** A job resumed at startup waits until the startup models are registered. */
    void awaitStartup(java.util.function.BooleanSupplier done) {
        long deadline = System.currentTimeMillis() + WORKER_WAIT_MS;
        while (!done.getAsBoolean() && System.currentTimeMillis() < deadline) {
            checkCancelled();
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Cancelled();
            }
        }
    }

    /** A job resumed at startup may find its model still loading: wait (cancellable) for a ready worker. */
    void awaitWorkers(WorkerPool pool) {
        long deadline = System.currentTimeMillis() + WORKER_WAIT_MS;
        boolean logged = false;
        while (pool.readyWorkers() == 0) {
            checkCancelled();
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("the model has no ready worker (waited "
                        + WORKER_WAIT_MS / 1000 + " s)");
            }
            if (!logged) {
                log("waiting for the model's workers");
                logged = true;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Cancelled();
            }
        }
    }
}
