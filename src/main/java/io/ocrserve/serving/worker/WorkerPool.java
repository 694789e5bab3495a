package io.ocrserve.serving.worker;

import io.ocrserve.serving.InferenceInput;
import io.ocrserve.serving.InferenceOutput;
import io.ocrserve.serving.ServingException;
import io.ocrserve.serving.ServingException.Reason;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The workers and bounded job queue of one model version. Requests are refused at once when the queue is full
 * or no worker runs (503), so overload never turns into timeouts.
 */
public final class WorkerPool {
    final String label;
    final BlockingQueue<Job> queue;
    final HandlerFactory factory;
    final PoolMetrics metrics;
    private volatile BatchSettings settings;
    private final List<String> devices;
    private final List<Worker> workers = new ArrayList<>();
    private final AtomicInteger nextId = new AtomicInteger();
    private volatile boolean shutdown;

    /** {@code devices}: the devices workers are spread over, round robin (e.g. [gpu:0, gpu:1] or [auto]). */
    public WorkerPool(String model, String version, HandlerFactory factory, BatchSettings settings,
            List<String> devices, PoolMetrics metrics) {
        this.label = "model " + model + " version " + version;
        this.factory = factory;
        this.settings = settings;
        this.devices = devices.isEmpty() ? List.of("auto") : List.copyOf(devices);
        this.metrics = metrics;
        this.queue = new ArrayBlockingQueue<>(settings.jobQueueSize());
        metrics.gauges(model, version, queue::size, this::readyWorkers);
    }

    public BatchSettings settings() {
        return settings;
    }

    public CompletableFuture<InferenceOutput> submit(InferenceInput input) {
        if (shutdown) {
            throw ServingException.notFound(label + " is being unregistered");
        }
        if (readyWorkers() == 0) {
            metrics.requestsRejected.increment();
            throw new ServingException(Reason.NO_WORKERS, label + " has no ready worker"
                    + (targetWorkers() == 0 ? " (scaled to 0: PUT /models/... ?min_worker=1)" : " (workers are loading)"));
        }
        Job job = new Job(input);
        if (!queue.offer(job)) {
            metrics.requestsRejected.increment();
            throw new ServingException(Reason.QUEUE_FULL, "job queue of " + label + " is full ("
                    + settings.jobQueueSize() + " requests waiting); retry later");
        }
        CompletableFuture.delayedExecutor(settings.responseTimeoutSeconds(), TimeUnit.SECONDS).execute(() -> {
            if (job.future().completeExceptionally(new ServingException(Reason.TIMEOUT, label
                    + " did not answer within response_timeout (" + settings.responseTimeoutSeconds() + " s)"))) {
                metrics.requestsFailed.increment();
            }
        });
        return job.future();
    }

    void succeed(Job job, InferenceOutput output) {
        if (job.future().complete(output)) {
            metrics.requestsOk.increment();
            metrics.inferenceLatency.record(System.nanoTime() - job.enqueuedNanos(), TimeUnit.NANOSECONDS);
        }
    }

    void fail(Job job, RuntimeException error) {
        if (job.future().completeExceptionally(error)) {
            metrics.requestsFailed.increment();
        }
    }

    /**
     * Starts or stops workers until {@code target} run. The future completes when every new worker has loaded
     * its model, or fails with the first load error.
     */
    public synchronized CompletableFuture<Void> scale(int target) {
        if (shutdown) {
            return CompletableFuture.failedFuture(ServingException.notFound(label + " is unregistered"));
        }
        workers.removeIf(w -> w.status() == Worker.Status.STOPPED || w.status() == Worker.Status.FAILED);
        List<CompletableFuture<Void>> loads = new ArrayList<>();
        while (workers.size() < target) {
            int n = nextId.getAndIncrement();
            Worker w = new Worker(this, String.format("%s-%04d", label.replace(' ', '-'), 9000 + n),
                    devices.get(n % devices.size()));
            workers.add(w);
            Thread t = new Thread(w, "worker-" + label.replace(' ', '-') + "-" + n);
            t.setDaemon(true);
            t.start();
            loads.add(w.firstLoad);
        }
        while (workers.size() > target) {
            workers.remove(workers.size() - 1).stop();
        }
        if (target == 0) {
            failQueued(new ServingException(Reason.NO_WORKERS, label + " was scaled to 0 workers"));
        }
        return CompletableFuture.allOf(loads.toArray(CompletableFuture[]::new));
    }

    public synchronized void updateSettings(BatchSettings next) {
        if (next.jobQueueSize() != settings.jobQueueSize()) {
            throw new IllegalArgumentException("job_queue_size cannot change on a registered model");
        }
        settings = next;
    }

    public synchronized int targetWorkers() {
        return (int) workers.stream().filter(w -> w.status() != Worker.Status.UNLOADING).count();
    }

    public synchronized int readyWorkers() {
        return (int) workers.stream().filter(w -> w.status() == Worker.Status.READY).count();
    }

    public synchronized List<WorkerInfo> describe() {
        Runtime rt = Runtime.getRuntime();
        long perWorker = workers.isEmpty() ? 0 : (rt.totalMemory() - rt.freeMemory()) / workers.size();
        return workers.stream().map(w -> new WorkerInfo(w.id, w.started.toString(), w.status().name(), perWorker,
                w.device.startsWith("gpu"), w.device)).toList();
    }

    public int pending() {
        return queue.size();
    }

    public int remainingCapacity() {
        return queue.remainingCapacity();
    }

    /** Stops every worker and fails what is still queued; the pool cannot be used afterwards. */
    public synchronized void shutdown(String reason) {
        shutdown = true;
        workers.forEach(Worker::stop);
        workers.clear();
        failQueued(ServingException.notFound(label + " " + reason));
        metrics.remove();
    }

    private void failQueued(RuntimeException error) {
        List<Job> left = new ArrayList<>();
        queue.drainTo(left);
        left.forEach(j -> fail(j, error));
    }
}
