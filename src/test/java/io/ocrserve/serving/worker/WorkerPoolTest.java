package io.ocrserve.serving.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.ocrserve.serving.Handler;
import io.ocrserve.serving.InferenceInput;
import io.ocrserve.serving.InferenceOutput;
import io.ocrserve.serving.ServingException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The pool's own contract, with handlers written for the test: an input "crash" makes the handler throw (as a
 * native engine error would), "slow" sleeps. Real models are exercised by the API tests.
 */
class WorkerPoolTest {
    private final AtomicInteger handlersCreated = new AtomicInteger();
    private final List<Integer> batchSizes = new ArrayList<>();
    private WorkerPool pool;

    private Handler handler() {
        handlersCreated.incrementAndGet();
        return new Handler() {
            @Override
            public List<Outcome> handle(List<InferenceInput> batch) {
                synchronized (batchSizes) {
                    batchSizes.add(batch.size());
                }
                List<Outcome> out = new ArrayList<>();
                for (InferenceInput in : batch) {
                    String s = new String(in.data());
                    if (s.equals("crash")) {
                        throw new IllegalStateException("engine crashed");
                    }
                    if (s.startsWith("slow")) {
                        sleep(Integer.parseInt(s.substring(4)));
                    }
                    out.add(s.equals("bad") ? Outcome.failed(new IllegalArgumentException("bad input"))
                            : Outcome.ok(InferenceOutput.json(Map.of("echo", s))));
                }
                return out;
            }

            @Override
            public void close() {}
        };
    }

    private WorkerPool pool(int batch, int delayMs, int timeoutS, int queue) {
        pool = new WorkerPool("m", "1", device -> handler(), new BatchSettings(batch, delayMs, timeoutS, queue),
                List.of("cpu"), new PoolMetrics(new SimpleMeterRegistry(), "m", "1"));
        pool.scale(1).join();
        return pool;
    }

    @AfterEach
    void stop() {
        if (pool != null) {
            pool.shutdown("test over");
        }
    }

    @Test
    void aCrashingHandlerFailsItsBatchAndIsReplaced() throws Exception {
        pool(1, 0, 10, 10);
        CompletableFuture<InferenceOutput> crash = pool.submit(input("crash"));
        ExecutionException e = assertThrows(ExecutionException.class, () -> crash.get(5, TimeUnit.SECONDS));
        assertEquals(ServingException.Reason.INTERNAL, ((ServingException) e.getCause()).reason());
        // the next request is served by a replacement handler
        long deadline = System.currentTimeMillis() + 10_000;
        while (pool.readyWorkers() == 0 && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(Map.of("echo", "after"), pool.submit(input("after")).get(10, TimeUnit.SECONDS).json());
        assertEquals(2, handlersCreated.get());
    }

    @Test
    void aBadInputFailsOnlyItself() throws Exception {
        pool(4, 50, 10, 10);
        CompletableFuture<InferenceOutput> good = pool.submit(input("good"));
        CompletableFuture<InferenceOutput> bad = pool.submit(input("bad"));
        assertEquals(Map.of("echo", "good"), good.get(5, TimeUnit.SECONDS).json());
        assertThrows(ExecutionException.class, () -> bad.get(5, TimeUnit.SECONDS));
    }

    @Test
    void batchesUpToBatchSizeWithinTheDelay() throws Exception {
        pool(3, 200, 10, 20);
        pool.submit(input("slow300")).get(5, TimeUnit.SECONDS); // warm: leaves the next ones queued together
        List<CompletableFuture<InferenceOutput>> all = new ArrayList<>();
        all.add(pool.submit(input("slow200")));
        for (int i = 0; i < 7; i++) {
            all.add(pool.submit(input("x" + i)));
        }
        for (CompletableFuture<InferenceOutput> f : all) {
            f.get(10, TimeUnit.SECONDS);
        }
        synchronized (batchSizes) {
            assertTrue(batchSizes.stream().allMatch(b -> b <= 3), batchSizes.toString());
            assertTrue(batchSizes.contains(3), "full batches formed: " + batchSizes);
        }
    }

    @Test
    void fullQueueRefusesAtOnceAndTimeoutsAnswer() throws Exception {
        pool(1, 0, 1, 2);
        CompletableFuture<InferenceOutput> running = pool.submit(input("slow1500"));
        Thread.sleep(100);
        CompletableFuture<InferenceOutput> queued1 = pool.submit(input("a"));
        pool.submit(input("b"));
        ServingException full = assertThrows(ServingException.class, () -> pool.submit(input("c")));
        assertEquals(ServingException.Reason.QUEUE_FULL, full.reason());
        // response_timeout is 1 s: the running request is answered with a timeout, never left hanging
        ExecutionException e = assertThrows(ExecutionException.class, () -> running.get(5, TimeUnit.SECONDS));
        assertEquals(ServingException.Reason.TIMEOUT, ((ServingException) e.getCause()).reason());
        ExecutionException q = assertThrows(ExecutionException.class, () -> queued1.get(5, TimeUnit.SECONDS));
        assertEquals(ServingException.Reason.TIMEOUT, ((ServingException) q.getCause()).reason());
    }

    @Test
    void noWorkersIsRefusedAndShutdownFailsWhatIsQueued() throws Exception {
        pool(1, 0, 10, 10);
        pool.scale(0).join();
        long deadline = System.currentTimeMillis() + 5_000;
        while (pool.readyWorkers() > 0 && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        ServingException e = assertThrows(ServingException.class, () -> pool.submit(input("x")));
        assertEquals(ServingException.Reason.NO_WORKERS, e.reason());
    }

    private static InferenceInput input(String s) {
        return new InferenceInput(s.getBytes(), null, Map.of());
    }

    private static void sleep(int ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
