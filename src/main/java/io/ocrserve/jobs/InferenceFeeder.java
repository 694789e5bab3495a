package io.ocrserve.jobs;

import io.ocrserve.serving.InferenceInput;
import io.ocrserve.serving.InferenceOutput;
import io.ocrserve.serving.ServingException;
import io.ocrserve.serving.worker.WorkerPool;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;

/**
 * Feeds many inputs to a model's worker pool with a bounded number in flight, so the workers can batch them
 * while neither the pool's queue nor memory is flooded. A full queue is waited out; cancellation is checked
 * between submissions and while waiting.
 */
final class InferenceFeeder {
    private static final long NO_WORKERS_WAIT_NANOS = TimeUnit.SECONDS.toNanos(120);
    private final WorkerPool pool;
    private final int maxInFlight;
    private final JobContext ctx;

    InferenceFeeder(WorkerPool pool, int maxInFlight, JobContext ctx) {
        this.pool = pool;
        this.maxInFlight = Math.max(1, maxInFlight);
        this.ctx = ctx;
    }

    /** Outputs in input order; the first failed input fails the whole run with its name in the message. */
    InferenceOutput[] run(int n, IntFunction<InferenceInput> inputs, IntFunction<String> names) {
        InferenceOutput[] out = new InferenceOutput[n];
        Semaphore slots = new Semaphore(maxInFlight);
        AtomicInteger done = new AtomicInteger();
        AtomicReference<RuntimeException> error = new AtomicReference<>();
        for (int i = 0; i < n && error.get() == null; i++) {
            acquire(slots, 1);
            final int k = i;
            InferenceInput input;
            try {
                input = inputs.apply(k);
            } catch (RuntimeException e) {
                slots.release();
                throw e;
            }
            submit(input).whenComplete((o, e) -> {
                if (e != null) {
                    Throwable c = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
                    error.compareAndSet(null, new IllegalStateException("inference failed on " + names.apply(k)
                            + ": " + c.getMessage(), c));
                } else {
                    out[k] = o;
                }
                ctx.progress(done.incrementAndGet(), n);
                slots.release();
            });
        }
        acquire(slots, maxInFlight); // all answered
        if (error.get() != null) {
            throw error.get();
        }
        return out;
    }

    private java.util.concurrent.CompletableFuture<InferenceOutput> submit(InferenceInput input) {
        long noWorkersSince = 0;
        while (true) {
            ctx.checkCancelled();
            try {
                return pool.submit(input);
            } catch (ServingException e) {
                boolean noWorkers = e.reason() == ServingException.Reason.NO_WORKERS;
                if (e.reason() != ServingException.Reason.QUEUE_FULL && !noWorkers) {
                    throw e;
                }
                if (noWorkers) {
                    noWorkersSince = noWorkersSince == 0 ? System.nanoTime() : noWorkersSince;
                    if (System.nanoTime() - noWorkersSince > NO_WORKERS_WAIT_NANOS) {
                        throw e;
                    }
                }
                sleep(e.reason() == ServingException.Reason.QUEUE_FULL ? 20 : 500);
            }
        }
    }

    private void acquire(Semaphore slots, int permits) {
        try {
            while (!slots.tryAcquire(permits, 200, TimeUnit.MILLISECONDS)) {
                ctx.checkCancelled();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new JobContext.Cancelled();
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new JobContext.Cancelled();
        }
    }
}
