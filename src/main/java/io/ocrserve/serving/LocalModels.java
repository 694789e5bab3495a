package io.ocrserve.serving;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.ocrserve.serving.archive.ArchiveReader;
import io.ocrserve.serving.archive.ArchiveUnpacker;
import io.ocrserve.serving.archive.ModelArchive;
import io.ocrserve.serving.worker.PoolMetrics;
import io.ocrserve.serving.worker.WorkerPool;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Archives served in-process, without the HTTP server, CDI or snapshots: the same archive reader, pool sizing
 * ({@link ModelRegistry.PoolPlan} with the server's defaults), worker pools and handlers as {@link ModelRegistry},
 * one version per model name. For benchmarks and embedding; {@link #close()} stops the workers.
 */
public final class LocalModels implements ModelResolver, AutoCloseable {
    /** ServerConfig's defaults (ocrserve.default-workers-per-model, job-queue-size, archive limits). */
    private static final int DEFAULT_WORKERS = 1;
    private static final int DEFAULT_QUEUE_SIZE = 100;
    private static final int ARCHIVE_MAX_ENTRIES = 10_000;
    private static final long ARCHIVE_MAX_BYTES = 4L << 30;

    private final Map<String, WorkerPool> pools = new LinkedHashMap<>();
    private final List<ModelArchive> archives = new ArrayList<>();
    private final Path workDir;
    private final ArchiveReader reader;

    private LocalModels() throws IOException {
        workDir = Files.createTempDirectory("ocrserve-local-archives");
        reader = new ArchiveReader(new ArchiveUnpacker(ARCHIVE_MAX_ENTRIES, ARCHIVE_MAX_BYTES), workDir);
    }

    /**
     * Opens {@code files} (archive file names in {@code modelStore}, or {@code all} for every archive there, as
     * load_models does) and waits until every pool has its workers.
     */
    public static LocalModels load(Path modelStore, List<String> files, HandlerProvider handlers) throws IOException {
        List<String> names = files.size() == 1 && files.get(0).equalsIgnoreCase("all")
                ? StartupLoader.archivesInStore(modelStore) : files;
        if (names.isEmpty()) {
            throw new IllegalArgumentException("no model archives in " + modelStore);
        }
        LocalModels local = new LocalModels();
        try {
            List<CompletableFuture<Void>> loads = new ArrayList<>();
            int timeout = 0;
            for (String file : names) {
                ModelArchive archive = local.reader.open(modelStore.resolve(file));
                local.archives.add(archive);
                ModelRegistry.PoolPlan plan = ModelRegistry.PoolPlan.of(RegisterRequest.of(file),
                        archive.workerSettings(), DEFAULT_WORKERS, DEFAULT_QUEUE_SIZE);
                WorkerPool pool = new WorkerPool(archive.name(), archive.version(),
                        handlers.factoryFor(archive, local), plan.settings(), plan.devices(),
                        new PoolMetrics(new SimpleMeterRegistry(), archive.name(), archive.version()));
                if (local.pools.putIfAbsent(archive.name(), pool) != null) {
                    throw new IllegalArgumentException("two archives are named " + archive.name());
                }
                loads.add(pool.scale(plan.minWorkers()));
                timeout = Math.max(timeout, plan.startupTimeout());
            }
            CompletableFuture.allOf(loads.toArray(CompletableFuture[]::new)).get(timeout, TimeUnit.SECONDS);
            return local;
        } catch (ExecutionException | TimeoutException e) {
            local.close();
            throw new IllegalStateException("workers failed to start: " + ModelRegistry.rootMessage(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            local.close();
            throw new IllegalStateException("interrupted while starting workers", e);
        } catch (RuntimeException e) {
            local.close();
            throw e;
        }
    }

    /** The loaded model names, in load order. */
    public List<String> names() {
        return List.copyOf(pools.keySet());
    }

    /** Requests waiting in all queues (not counting the batches workers are running). */
    public int pending() {
        return pools.values().stream().mapToInt(WorkerPool::pending).sum();
    }

    @Override
    public CompletableFuture<InferenceOutput> submit(String model, String version, InferenceInput input) {
        WorkerPool pool = pools.get(model);
        if (pool == null) {
            throw ServingException.notFound("Model not found: " + model);
        }
        return pool.submit(input);
    }

    @Override
    public void close() {
        pools.values().forEach(p -> p.shutdown("is shutting down"));
        pools.clear();
        archives.clear();
        ArchiveReader.deleteQuietly(workDir);
    }
}
