package io.ocrserve.serving;

import io.ocrserve.serving.archive.ModelArchive;
import io.ocrserve.serving.worker.WorkerPool;

/** One registered version of a model: its archive, where it came from, its workers and limits. */
public final class ModelVersion {
    final String name;
    final ModelArchive archive;
    final String url;
    final WorkerPool pool;
    final boolean loadedAtStartup;
    final int startupTimeout;
    final String device;
    volatile int minWorkers;
    volatile int maxWorkers;

    ModelVersion(String name, ModelArchive archive, String url, WorkerPool pool, boolean loadedAtStartup, int startupTimeout,
            String device, int minWorkers, int maxWorkers) {
        this.name = name;
        this.archive = archive;
        this.url = url;
        this.pool = pool;
        this.loadedAtStartup = loadedAtStartup;
        this.startupTimeout = startupTimeout;
        this.device = device;
        this.minWorkers = minWorkers;
        this.maxWorkers = maxWorkers;
    }

    public String name() {
        return name;
    }

    public String version() {
        return archive.version();
    }

    public ModelArchive archive() {
        return archive;
    }

    public int startupTimeout() {
        return startupTimeout;
    }

    public WorkerPool pool() {
        return pool;
    }

    /** The archive's task: textdet, textrecog, textcls or ocr. */
    public String task() {
        return archive.config().task();
    }

    /** Ready to serve: at least one ready worker, and no fewer than the minimum. */
    public boolean ready() {
        int ready = pool.readyWorkers();
        return ready > 0 && ready >= minWorkers;
    }

    ModelDescription describe(boolean isDefault) {
        var s = pool.settings();
        return new ModelDescription(name(), version(), url, archive.manifest().runtime(), archive.config().task(),
                isDefault, minWorkers, maxWorkers, s.batchSize(), s.maxBatchDelayMs(), s.responseTimeoutSeconds(),
                startupTimeout, loadedAtStartup, pool.describe(),
                new ModelDescription.JobQueueStatus(pool.remainingCapacity(), pool.pending()));
    }

    SnapshotEntry snapshot(boolean isDefault) {
        var s = pool.settings();
        return new SnapshotEntry(name(), version(), url, isDefault, minWorkers, maxWorkers, s.batchSize(),
                s.maxBatchDelayMs(), s.responseTimeoutSeconds(), startupTimeout, s.jobQueueSize(), device);
    }
}
