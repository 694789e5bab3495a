package io.ocrserve.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.ocrserve.serving.Handler;
import io.ocrserve.serving.InferenceInput;
import io.ocrserve.serving.InferenceOutput;
import io.ocrserve.serving.worker.BatchSettings;
import io.ocrserve.serving.worker.PoolMetrics;
import io.ocrserve.serving.worker.WorkerPool;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The evaluation's feeding of a worker pool: many in flight so workers batch, bounded, cancellable. */
class InferenceFeederTest {
    private final List<Integer> batchSizes = new ArrayList<>();
    private final AtomicInteger maxQueued = new AtomicInteger();
    private WorkerPool pool;

    private WorkerPool pool(int batch, int queue) {
        Handler h = new Handler() {
            @Override
            public List<Outcome> handle(List<InferenceInput> in) {
                synchronized (batchSizes) {
                    batchSizes.add(in.size());
                }
                sleep(5);
                List<Outcome> out = new ArrayList<>();
                for (InferenceInput i : in) {
                    String s = new String(i.data(), StandardCharsets.UTF_8);
                    out.add(s.equals("bad") ? Outcome.failed(new IllegalArgumentException("not an image"))
                            : Outcome.ok(InferenceOutput.json(Map.of("text", s))));
                }
                return out;
            }

            @Override
            public void close() {}
        };
        pool = new WorkerPool("m", "1", device -> h, new BatchSettings(batch, 20, 30, queue), List.of("cpu"),
                new PoolMetrics(new SimpleMeterRegistry(), "m", "1"));
        pool.scale(1).join();
        return pool;
    }

    @AfterEach
    void stop() {
        if (pool != null) {
            pool.shutdown("test over");
        }
    }

    /** A context that counts progress and cancels itself after {@code cancelAfter} answers (0 = never). */
    private final class Ctx implements JobContext {
        final AtomicInteger done = new AtomicInteger();
        final int cancelAfter;

        Ctx(int cancelAfter) {
            this.cancelAfter = cancelAfter;
        }

        @Override
        public void log(String line) {}

        @Override
        public void progress(int d, int total) {
            done.set(Math.max(done.get(), d));
            maxQueued.accumulateAndGet(pool.pending(), Math::max);
        }

        @Override
        public boolean cancelled() {
            return cancelAfter > 0 && done.get() >= cancelAfter;
        }

        @Override
        public Path artifacts() {
            return null;
        }
    }

    private static InferenceInput input(String s) {
        return new InferenceInput(s.getBytes(StandardCharsets.UTF_8), "text/plain", s, null, Map.of());
    }

    @Test
    void answersInOrderAndTheWorkersBatch() {
        Ctx ctx = new Ctx(0);
        InferenceOutput[] out = new InferenceFeeder(pool(8, 100), 16, ctx).run(200, i -> input("w" + i), i -> "w" + i);
        for (int i = 0; i < out.length; i++) {
            assertEquals(Map.of("text", "w" + i), out[i].json());
        }
        assertEquals(200, ctx.done.get());
        assertEquals(200, batchSizes.stream().mapToInt(Integer::intValue).sum());
        assertTrue(batchSizes.stream().anyMatch(b -> b == 8), "full batches: " + batchSizes);
        assertTrue(batchSizes.size() < 100, "batched, not one at a time: " + batchSizes.size() + " calls");
        assertTrue(maxQueued.get() <= 16, "bounded in flight: " + maxQueued.get());
    }

    @Test
    void aFullQueueIsWaitedOut() {
        InferenceOutput[] out = new InferenceFeeder(pool(2, 3), 32, new Ctx(0)).run(60, i -> input("w" + i), i -> "w" + i);
        assertEquals(Map.of("text", "w59"), out[59].json());
    }

    @Test
    void aFailedInputFailsTheRunWithItsName() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new InferenceFeeder(pool(4, 100), 8,
                new Ctx(0)).run(20, i -> input(i == 7 ? "bad" : "w" + i), i -> "img_" + i + ".jpg"));
        assertTrue(e.getMessage().contains("img_7.jpg") && e.getMessage().contains("not an image"), e.getMessage());
    }

    @Test
    void cancellationStopsFeeding() {
        Ctx ctx = new Ctx(10);
        assertThrows(JobContext.Cancelled.class, () -> new InferenceFeeder(pool(4, 100), 4, ctx)
                .run(100_000, i -> input("w" + i), i -> "w" + i));
        sleep(200);
        int total = batchSizes.stream().mapToInt(Integer::intValue).sum();
        assertTrue(total < 100, "stopped soon after the cancel: " + total + " inputs ran");
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
