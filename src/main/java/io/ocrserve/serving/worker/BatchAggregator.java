package io.ocrserve.serving.worker;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Dynamic batching as TorchServe does it: wait for the first request, then gather up to batch_size - 1 more
 * until max_batch_delay has passed since the first one was taken.
 */
final class BatchAggregator {
    private static final long IDLE_POLL_MS = 100;

    private BatchAggregator() {}

    /** The next batch, or an empty list when {@code running} turned false while waiting. */
    static List<Job> next(BlockingQueue<Job> queue, BatchSettings settings, BooleanSupplier running)
            throws InterruptedException {
        Job first = null;
        while (first == null) {
            if (!running.getAsBoolean()) {
                return List.of();
            }
            first = queue.poll(IDLE_POLL_MS, TimeUnit.MILLISECONDS);
        }
        List<Job> batch = new ArrayList<>(settings.batchSize());
        batch.add(first);
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(settings.maxBatchDelayMs());
        while (batch.size() < settings.batchSize()) {
            queue.drainTo(batch, settings.batchSize() - batch.size());
            long left = deadline - System.nanoTime();
            if (batch.size() >= settings.batchSize() || left <= 0) {
                break;
            }
            Job next = queue.poll(left, TimeUnit.NANOSECONDS);
            if (next == null) {
                break;
            }
            batch.add(next);
        }
        return batch;
    }
}
