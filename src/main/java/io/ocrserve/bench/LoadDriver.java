package io.ocrserve.bench;

import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs one load level: {@code concurrency} threads take request numbers 0, 1, 2, ... from a shared counter until
 * {@code requests} are sent (request i sends image i mod images, so the set is covered round robin), each
 * waiting for its answer before the next. Bounded: stops early at the deadline or after too many failures.
 */
final class LoadDriver {
    /** Sends image {@code index} and returns when the answer is in; throws when it is not a success. */
    @FunctionalInterface
    interface Call {
        void run(int index) throws Exception;
    }

    static final int MAX_ERRORS = 20;

    private LoadDriver() {
    }

    static LevelResult run(String mode, int concurrency, int requests, int images, long maxSeconds, Call call)
            throws InterruptedException {
        long[] latencies = new long[requests];
        boolean[] ok = new boolean[requests];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        AtomicReference<String> firstError = new AtomicReference<>();
        long start = System.nanoTime();
        long deadline = start + TimeUnit.SECONDS.toNanos(maxSeconds);
        ExecutorService threads = Executors.newFixedThreadPool(concurrency, r -> {
            Thread t = new Thread(r, "bench-" + mode + "-" + concurrency);
            t.setDaemon(true);
            return t;
        });
        try {
            for (int c = 0; c < concurrency; c++) {
                threads.execute(() -> {
                    while (errors.get() < MAX_ERRORS && System.nanoTime() < deadline) {
                        int i = next.getAndIncrement();
                        if (i >= requests) {
                            return;
                        }
                        long t0 = System.nanoTime();
                        try {
                            call.run(i % images);
                            latencies[i] = System.nanoTime() - t0;
                            ok[i] = true;
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            return;
                        } catch (Exception e) {
                            errors.incrementAndGet();
                            firstError.compareAndSet(null, e.toString());
                        }
                    }
                });
            }
            threads.shutdown();
            // each call has its own timeout, so this only guards against a hung call
            if (!threads.awaitTermination(maxSeconds + 180, TimeUnit.SECONDS)) {
                throw new IllegalStateException(mode + " at concurrency " + concurrency + " did not finish");
            }
        } finally {
            threads.shutdownNow();
        }
        long wall = System.nanoTime() - start;
        long[] done = new long[requests];
        int n = 0;
        for (int i = 0; i < requests; i++) {
            if (ok[i]) {
                done[n++] = latencies[i];
            }
        }
        return new LevelResult(mode, concurrency, Arrays.copyOf(done, n), wall, errors.get(), firstError.get());
    }
}
