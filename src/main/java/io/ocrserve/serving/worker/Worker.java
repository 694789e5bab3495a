package io.ocrserve.serving.worker;

import io.ocrserve.serving.Handler;
import io.ocrserve.serving.InferenceInput;
import io.ocrserve.serving.ServingException;
import io.ocrserve.serving.ServingException.Reason;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * One worker thread: loads a handler, then takes batches from the pool's queue until stopped. When the handler
 * fails, the batch's requests get an error (never left hanging) and the handler is replaced, with backoff.
 */
final class Worker implements Runnable {
    private static final Logger LOG = Logger.getLogger(Worker.class);

    enum Status { LOADING, READY, RESTARTING, FAILED, UNLOADING, STOPPED }

    final String id;
    final String device;
    final Instant started = Instant.now();
    final CompletableFuture<Void> firstLoad = new CompletableFuture<>();
    private final WorkerPool pool;
    private volatile Status status = Status.LOADING;
    private volatile boolean running = true;

    Worker(WorkerPool pool, String id, String device) {
        this.pool = pool;
        this.id = id;
        this.device = device;
    }

    Status status() {
        return status;
    }

    void stop() {
        running = false;
        if (status != Status.STOPPED) {
            status = Status.UNLOADING;
        }
    }

    @Override
    public void run() {
        int failures = 0;
        while (running) {
            Handler handler;
            long t0 = System.nanoTime();
            try {
                handler = pool.factory.create(device);
            } catch (Throwable e) {
                LOG.errorf(e, "worker %s of %s could not load its model", id, pool.label);
                if (!firstLoad.isDone()) {
                    status = Status.FAILED;
                    firstLoad.completeExceptionally(e);
                    break;
                }
                status = Status.RESTARTING;
                backoff(++failures);
                continue;
            }
            pool.metrics.loadTime.record(System.nanoTime() - t0, TimeUnit.NANOSECONDS);
            status = Status.READY;
            firstLoad.complete(null);
            try (handler) {
                serve(handler);
                failures = 0;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (Throwable e) {
                LOG.errorf(e, "worker %s of %s failed; replacing its handler", id, pool.label);
                status = Status.RESTARTING;
                backoff(++failures);
            }
        }
        status = Status.STOPPED;
        firstLoad.complete(null);
    }

    private void serve(Handler handler) throws InterruptedException {
        while (running) {
            List<Job> batch = BatchAggregator.next(pool.queue, pool.settings(), () -> running);
            if (!batch.isEmpty()) {
                process(batch, handler);
            }
        }
    }

    private void process(List<Job> batch, Handler handler) {
        long now = System.nanoTime();
        long timeoutNanos = TimeUnit.SECONDS.toNanos(pool.settings().responseTimeoutSeconds());
        List<Job> live = new ArrayList<>(batch.size());
        for (Job job : batch) {
            long waited = now - job.enqueuedNanos();
            pool.metrics.queueLatency.record(waited, TimeUnit.NANOSECONDS);
            if (job.future().isDone()) {
                continue; // its caller already got a timeout
            }
            if (waited > timeoutNanos) {
                pool.fail(job, new ServingException(Reason.TIMEOUT, "request waited "
                        + TimeUnit.NANOSECONDS.toMillis(waited) + " ms in the queue of " + pool.label
                        + ", more than response_timeout (" + pool.settings().responseTimeoutSeconds() + " s)"));
            } else {
                live.add(job);
            }
        }
        if (live.isEmpty()) {
            return;
        }
        pool.metrics.batchSize.record(live.size());
        List<InferenceInput> inputs = live.stream().map(Job::input).toList();
        long t0 = System.nanoTime();
        List<Handler.Outcome> outcomes;
        try {
            outcomes = handler.handle(inputs);
            if (outcomes.size() != inputs.size()) {
                throw new IllegalStateException("handler returned " + outcomes.size() + " results for "
                        + inputs.size() + " inputs");
            }
        } catch (OutOfMemoryError e) {
            live.forEach(j -> pool.fail(j, new ServingException(Reason.OUT_OF_MEMORY,
                    "out of memory while running " + pool.label)));
            throw e;
        } catch (RuntimeException | Error e) {
            live.forEach(j -> pool.fail(j, new ServingException(Reason.INTERNAL, "worker " + id + " of "
                    + pool.label + " failed: " + e.getMessage(), e)));
            throw e;
        } finally {
            pool.metrics.handlerLatency.record(System.nanoTime() - t0, TimeUnit.NANOSECONDS);
        }
        for (int i = 0; i < live.size(); i++) {
            Handler.Outcome o = outcomes.get(i);
            if (o.error() != null) {
                pool.fail(live.get(i), o.error());
            } else {
                pool.succeed(live.get(i), o.output());
            }
        }
    }

    private void backoff(int failures) {
        try {
            Thread.sleep(Math.min(30_000L, 250L << Math.min(failures, 7)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
