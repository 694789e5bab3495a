package io.ocrserve.serving;

import io.micrometer.core.instrument.MeterRegistry;
import io.ocrserve.config.ServerConfig;
import io.ocrserve.serving.ServingException.Reason;
import io.ocrserve.serving.archive.ArchiveException;
import io.ocrserve.serving.archive.ArchiveReader;
import io.ocrserve.serving.archive.ArchiveUnpacker;
import io.ocrserve.serving.archive.ModelArchive;
import io.ocrserve.serving.archive.WorkerSettings;
import io.ocrserve.serving.worker.BatchSettings;
import io.ocrserve.serving.worker.HandlerFactory;
import io.ocrserve.serving.worker.PoolMetrics;
import io.ocrserve.serving.worker.WorkerPool;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;

/**
 * Registered models and their versions: register, scale, set the default, unregister, describe, list. Every
 * change is followed by a snapshot. Methods that change the registry are synchronized; inference lookups are not
 * blocked by a slow model load because loading happens outside the lock.
 */
@ApplicationScoped
public class ModelRegistry implements ModelResolver {
    private static final Logger LOG = Logger.getLogger(ModelRegistry.class);

    @Inject
    ServerConfig config;

    @Inject
    MeterRegistry meters;

    @Inject
    HandlerProvider handlers;

    private final Map<String, Versions> models = new TreeMap<>();
    private ModelStore store;
    private ArchiveReader reader;
    private Path workDir;
    private SnapshotStore snapshots;
    private volatile boolean restoring;

    /** The versions of one model name and which one is the default. */
    private static final class Versions {
        final Map<String, ModelVersion> byVersion = new TreeMap<>();
        String defaultVersion;
    }

    @PostConstruct
    void init() {
        store = new ModelStore(Path.of(config.modelStore()), config.allowedUrls().orElse(List.of()),
                config.archiveMaxBytes());
        try {
            workDir = Files.createTempDirectory("ocrserve-archives");
        } catch (IOException e) {
            throw new IllegalStateException("cannot create a folder for unpacked archives", e);
        }
        reader = new ArchiveReader(new ArchiveUnpacker(config.archiveMaxEntries(), config.archiveMaxBytes()), workDir);
        snapshots = config.snapshot().enabled() ? new SnapshotStore(Path.of(config.snapshot().dir())) : null;
    }

    public Path modelStore() {
        return store.root();
    }

    // ---------------------------------------------------------------- register

    /** Registers an archive; returns TorchServe's status message. Synchronous registration waits for workers. */
    public String register(RegisterRequest r, boolean atStartup) {
        Path source = store.resolve(r.url());
        ModelArchive archive;
        try {
            archive = reader.open(source);
        } catch (ArchiveException e) {
            throw new ServingException(Reason.BAD_REQUEST, "invalid model archive '" + r.url() + "': "
                    + e.getMessage(), e);
        }
        String name = r.modelName() != null && !r.modelName().isBlank() ? r.modelName() : archive.name();
        String version = archive.version();
        PoolPlan plan;
        try {
            plan = PoolPlan.of(r, archive.workerSettings(), config.defaultWorkersPerModel(), config.jobQueueSize());
        } catch (IllegalArgumentException e) {
            cleanup(archive);
            throw ServingException.badRequest(e.getMessage());
        }
        int minWorkers = plan.minWorkers();
        int maxWorkers = plan.maxWorkers();
        int startupTimeout = plan.startupTimeout();
        BatchSettings settings = plan.settings();
        String device = plan.device();
        HandlerFactory factory;
        try {
            factory = handlers.factoryFor(archive, this); // checks the model config: a bad one is the client's error
        } catch (ArchiveException e) {
            cleanup(archive);
            throw new ServingException(Reason.BAD_REQUEST, "invalid model archive '" + r.url() + "': "
                    + e.getMessage(), e);
        }
        ModelVersion mv;
        synchronized (this) {
            Versions versions = models.get(name);
            if (versions != null && versions.byVersion.containsKey(version)) {
                cleanup(archive);
                throw ServingException.conflict("Model version " + version + " is already registered for model "
                        + name);
            }
            WorkerPool pool = new WorkerPool(name, version, factory, settings, plan.devices(),
                    new PoolMetrics(meters, name, version));
            mv = new ModelVersion(name, archive, r.url(), pool, atStartup, startupTimeout, device, minWorkers,
                    maxWorkers);
            versions = models.computeIfAbsent(name, k -> new Versions());
            versions.byVersion.put(version, mv);
            if (versions.defaultVersion == null) {
                versions.defaultVersion = version;
            }
        }
        LOG.infof("registering model %s version %s from %s (%d workers, batch %d, delay %d ms)", name, version,
                r.url(), minWorkers, settings.batchSize(), settings.maxBatchDelayMs());
        CompletableFuture<Void> load = mv.pool.scale(minWorkers);
        if (!r.synchronous()) {
            load.whenComplete((v, e) -> {
                if (e != null) {
                    LOG.errorf("workers of model %s version %s failed to start: %s", name, version, e.getMessage());
                    remove(name, version);
                }
            });
            snapshot();
            return "Processing worker updates...";
        }
        try {
            load.get(startupTimeout, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            remove(name, version);
            String why = e instanceof TimeoutException ? "not ready within startup_timeout (" + startupTimeout + " s)"
                    : rootMessage(e);
            throw new ServingException(Reason.INTERNAL, "Failed to start workers for model " + name + " version "
                    + version + ": " + why, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            remove(name, version);
            throw new ServingException(Reason.INTERNAL, "interrupted while starting workers of " + name);
        }
        snapshot();
        return "Model \"" + name + "\" Version: " + version + " registered with " + minWorkers + " initial workers";
    }

    /**
     * Workers, batching and devices of one registration: the request's values, then the archive's
     * model-config.yaml, then the server defaults. Shared with {@link LocalModels} so both size pools alike.
     */
    record PoolPlan(int minWorkers, int maxWorkers, int startupTimeout, BatchSettings settings, String device,
            List<String> devices) {
        /** @throws IllegalArgumentException for out-of-range values (a 400 when registering over HTTP) */
        static PoolPlan of(RegisterRequest r, WorkerSettings ws, int defaultWorkers, int defaultQueueSize) {
            int minWorkers = first(r.initialWorkers(), ws.minWorkers(), defaultWorkers);
            int maxWorkers = Math.max(minWorkers, first(r.maxWorkers(), ws.maxWorkers(), minWorkers));
            int startupTimeout = first(r.startupTimeout(), ws.startupTimeout(), 120);
            BatchSettings settings = new BatchSettings(first(r.batchSize(), ws.batchSize(), 1),
                    first(r.maxBatchDelay(), ws.maxBatchDelay(), 100),
                    first(r.responseTimeout(), ws.responseTimeout(), 120),
                    first(r.jobQueueSize(), ws.jobQueueSize(), defaultQueueSize));
            if (minWorkers < 0) {
                throw new IllegalArgumentException("initial_workers must not be negative, got " + minWorkers);
            }
            String device = r.device() != null ? r.device() : deviceOf(ws);
            if (!device.matches("(?i)auto|cpu|(gpu|cuda)(:\\d+)?")) {
                throw new IllegalArgumentException("device must be auto, cpu, gpu or gpu:N, got '" + device + "'");
            }
            return new PoolPlan(minWorkers, maxWorkers, startupTimeout, settings, device, devicesFor(ws, device));
        }
    }

    private static List<String> devicesFor(WorkerSettings ws, String device) {
        if (ws.deviceIds() != null && !ws.deviceIds().isEmpty() && device.startsWith("gpu") && !device.contains(":")) {
            return ws.deviceIds().stream().map(id -> "gpu:" + id).toList();
        }
        return List.of(device);
    }

    private static String deviceOf(WorkerSettings ws) {
        if (ws.deviceType() == null) {
            return "auto";
        }
        return ws.deviceType().equalsIgnoreCase("gpu") ? "gpu" : ws.deviceType().toLowerCase(java.util.Locale.ROOT);
    }

    // ---------------------------------------------------------------- change

    public synchronized String unregister(String name, String version) {
        Versions versions = versionsOf(name);
        String v = version == null ? versions.defaultVersion : version;
        ModelVersion mv = versions.byVersion.get(v);
        if (mv == null) {
            throw ServingException.notFound("Model version: " + v + " does not exist for model: " + name);
        }
        if (v.equals(versions.defaultVersion) && versions.byVersion.size() > 1) {
            throw new ServingException(Reason.FORBIDDEN, "Cannot remove default version " + v + " for model " + name
                    + ": set another default version first (PUT /models/" + name + "/<version>/set-default)");
        }
        remove(name, v);
        snapshot();
        return "Model \"" + name + "\" unregistered";
    }

    private synchronized void remove(String name, String version) {
        Versions versions = models.get(name);
        if (versions == null) {
            return;
        }
        ModelVersion mv = versions.byVersion.remove(version);
        if (mv == null) {
            return;
        }
        if (versions.byVersion.isEmpty()) {
            models.remove(name);
        } else if (version.equals(versions.defaultVersion)) {
            versions.defaultVersion = versions.byVersion.keySet().iterator().next();
        }
        mv.pool.shutdown("was unregistered");
        cleanup(mv.archive);
        LOG.infof("unregistered model %s version %s", name, version);
    }

    /** Scales to {@code min} workers; the future completes when they are ready. */
    public CompletableFuture<Void> scale(String name, String version, Integer min, Integer max) {
        ModelVersion mv;
        int target;
        synchronized (this) {
            mv = get(name, version);
            int newMin = min == null ? mv.minWorkers : min;
            int newMax = max == null ? Math.max(newMin, mv.maxWorkers) : max;
            if (newMin < 0) {
                throw ServingException.badRequest("min_worker must not be negative, got " + newMin);
            }
            if (newMax < newMin) {
                throw ServingException.badRequest("max_worker (" + newMax + ") must be >= min_worker (" + newMin + ")");
            }
            mv.minWorkers = newMin;
            mv.maxWorkers = newMax;
            target = newMin;
        }
        CompletableFuture<Void> done = mv.pool.scale(target);
        snapshot();
        return done;
    }

    public synchronized String setDefault(String name, String version) {
        Versions versions = versionsOf(name);
        if (!versions.byVersion.containsKey(version)) {
            throw ServingException.notFound("Model version " + version + " does not exist for model " + name);
        }
        versions.defaultVersion = version;
        snapshot();
        return "Default version successfully updated for model \"" + name + "\" to \"" + version + "\"";
    }

    // ---------------------------------------------------------------- read

    /** A registered version; {@code version} null or empty = the default. */
    public synchronized ModelVersion get(String name, String version) {
        Versions versions = versionsOf(name);
        String v = version == null || version.isEmpty() ? versions.defaultVersion : version;
        ModelVersion mv = versions.byVersion.get(v);
        if (mv == null) {
            throw ServingException.notFound("Model version " + v + " does not exist for model " + name);
        }
        return mv;
    }

    /** The registered versions of a model, sorted. */
    public synchronized List<String> versions(String name) {
        return List.copyOf(versionsOf(name).byVersion.keySet());
    }

    @Override
    public CompletableFuture<InferenceOutput> submit(String model, String version, InferenceInput input) {
        return get(model, version).pool.submit(input);
    }

    public synchronized List<ModelDescription> describe(String name, String version) {
        Versions versions = versionsOf(name);
        List<ModelDescription> out = new ArrayList<>();
        if ("all".equals(version)) {
            versions.byVersion.values().forEach(mv -> out.add(mv.describe(mv.version().equals(versions.defaultVersion))));
        } else {
            ModelVersion mv = get(name, version);
            out.add(mv.describe(mv.version().equals(versions.defaultVersion)));
        }
        return out;
    }

    /** Default versions sorted by name: (name, url) pairs. */
    public synchronized List<Map.Entry<String, String>> list() {
        List<Map.Entry<String, String>> out = new ArrayList<>();
        models.forEach((name, v) -> out.add(Map.entry(name, v.byVersion.get(v.defaultVersion).url)));
        return out;
    }

    /** Healthy when every model's default version has at least its minimum of ready workers. */
    public synchronized boolean healthy() {
        for (Versions v : models.values()) {
            ModelVersion mv = v.byVersion.get(v.defaultVersion);
            if (mv.pool.readyWorkers() < mv.minWorkers) {
                return false;
            }
        }
        return true;
    }

    public synchronized List<ModelVersion> all() {
        List<ModelVersion> out = new ArrayList<>();
        models.values().forEach(v -> out.addAll(v.byVersion.values()));
        return out;
    }

    private Versions versionsOf(String name) {
        Versions versions = models.get(name);
        if (versions == null) {
            throw ServingException.notFound("Model not found: " + name);
        }
        return versions;
    }

    // ---------------------------------------------------------------- snapshots and lifecycle

    void setRestoring(boolean restoring) {
        this.restoring = restoring;
    }

    Optional<List<SnapshotEntry>> latestSnapshot() {
        return snapshots == null ? Optional.empty() : snapshots.latest();
    }

    synchronized void snapshot() {
        if (snapshots == null || restoring) {
            return;
        }
        List<SnapshotEntry> entries = new ArrayList<>();
        models.values().forEach(v -> v.byVersion.values()
                .forEach(mv -> entries.add(mv.snapshot(mv.version().equals(v.defaultVersion)))));
        snapshots.write(entries);
    }

    public synchronized void shutdown() {
        for (ModelVersion mv : all()) {
            mv.pool.shutdown("is shutting down");
            cleanup(mv.archive);
        }
        models.clear();
        ArchiveReader.deleteQuietly(workDir);
    }

    private void cleanup(ModelArchive archive) {
        if (archive.root().startsWith(workDir)) {
            ArchiveReader.deleteQuietly(archive.root());
        }
    }

    private static int first(Integer a, Integer b, int fallback) {
        return a != null ? a : b != null ? b : fallback;
    }

    static String rootMessage(Throwable e) {
        while (e.getCause() != null && e.getCause() != e) {
            e = e.getCause();
        }
        return e.getMessage() != null ? e.getMessage() : e.toString();
    }
}
