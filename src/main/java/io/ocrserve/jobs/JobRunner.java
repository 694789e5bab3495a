package io.ocrserve.jobs;

import io.micrometer.core.instrument.MeterRegistry;
import io.ocrserve.config.ServerConfig;
import io.ocrserve.serving.ModelRegistry;
import io.ocrserve.serving.ModelVersion;
import io.ocrserve.serving.ServingException;
import io.ocrserve.serving.StartupLoader;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * The job queue: jobs are kept on disk ({@link JobStore}), run by a fixed number of threads in submission
 * order, report progress, and can be cancelled. At startup, jobs that were running when the process died are
 * marked failed ("interrupted") and queued ones are queued again.
 */
@Startup
@ApplicationScoped
public class JobRunner {
    private static final Logger LOG = Logger.getLogger(JobRunner.class);

    @Inject
    ServerConfig config;

    @Inject
    ModelRegistry registry;

    @Inject
    MeterRegistry meters;

    @Inject
    StartupLoader startup;

    private JobStore store;
    private DataRoot dataRoot;
    private ExecutorService executor;
    private JobMetrics metrics;
    private volatile boolean stopping;
    private final Map<String, JobInfo> jobs = new ConcurrentHashMap<>();
    private final Map<String, RunningJob> active = new ConcurrentHashMap<>();

    @PostConstruct
    void init() {
        store = new JobStore(Path.of(config.jobs().dir()));
        dataRoot = new DataRoot(Path.of(config.jobs().dataRoot()));
        AtomicInteger n = new AtomicInteger();
        executor = Executors.newFixedThreadPool(Math.max(1, config.jobs().concurrent()), r -> {
            Thread t = new Thread(r, "job-runner-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        metrics = new JobMetrics(meters, (type, state) -> (int) jobs.values().stream()
                .filter(j -> j.state() == state && type.equals(j.type())).count());
        recover();
    }

    private void recover() {
        List<JobInfo> found = store.recover();
        for (JobInfo j : found) {
            jobs.put(j.id(), j);
            if (j.state() == JobState.QUEUED) {
                store.log(j.id(), "queued again after a server restart");
                enqueue(j.id());
            }
        }
        if (!found.isEmpty()) {
            LOG.infof("jobs: %d kept in %s", found.size(), store.root().toAbsolutePath());
        }
    }

    /** Shutdown: a running job ends as failed ("interrupted"); queued jobs stay queued on disk for the next start. */
    @PreDestroy
    void stop() {
        stopping = true;
        active.values().forEach(r -> r.cancel = true);
        executor.shutdown();
        try {
            executor.awaitTermination(5, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        executor.shutdownNow();
    }

    public Path dataRoot() {
        return dataRoot.root();
    }

    // ------------------------------------------------------------------ requests

    /** Checks the request (4xx via {@link JobException} / {@link ServingException}) and queues the job. */
    public JobInfo submit(JobRequest r) {
        plan(r, dataRoot);
        return queue(newId(), r);
    }

    /** The same with the dataset uploaded as a zip: paths in the request are relative to the zip's root. */
    public JobInfo submitUpload(JobRequest r, Path zip) {
        String id = newId();
        Path root = Uploads.unpack(zip, store.dir(id).resolve("dataset"), config.archiveMaxEntries(),
                config.archiveMaxBytes());
        JobRequest.DatasetSpec d = r.dataset();
        JobRequest stored = r.withDataset(new JobRequest.DatasetSpec(d == null ? null : d.format(),
                d == null ? null : d.annotations(), d == null ? null : d.images(), true));
        try {
            plan(stored, new DataRoot(root));
        } catch (RuntimeException e) {
            Uploads.delete(store.dir(id));
            throw e;
        }
        return queue(id, stored);
    }

    public JobInfo get(String id) {
        JobInfo j = id == null ? null : jobs.get(id);
        if (j == null) {
            throw JobException.notFound(id);
        }
        return j;
    }

    /** Newest first, optionally only one state and/or type. */
    public List<JobInfo> list(JobState state, String type) {
        return jobs.values().stream().filter(j -> state == null || j.state() == state)
                .filter(j -> type == null || type.equals(j.type()))
                .sorted(Comparator.comparing(JobInfo::created).thenComparing(JobInfo::id).reversed()).toList();
    }

    /** Cancels a queued or running job; waits a few seconds for a running one to stop. */
    public JobInfo cancel(String id) {
        JobInfo j = get(id);
        RunningJob r = active.get(id);
        if (j.state().finished() || r == null) {
            throw new JobException(JobException.Kind.CONFLICT, "job " + id + " has already " + j.state().label());
        }
        synchronized (r) {
            r.cancel = true;
            if (get(id).state() == JobState.QUEUED) {
                r.future.cancel(false);
                active.remove(id);
                finish(get(id), JobState.CANCELLED, "cancelled before it started");
                return get(id);
            }
        }
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!get(id).state().finished() && System.nanoTime() < deadline) {
            sleep(50);
        }
        return get(id);
    }

    public JobStore.LogChunk log(String id, long since) {
        get(id);
        return store.readLog(id, since);
    }

    public List<String> artifacts(String id) {
        get(id);
        return store.artifactNames(id);
    }

    public Path artifact(String id, String name) {
        get(id);
        return store.artifact(id, name);
    }

    // ------------------------------------------------------------------ running

    private EvaluationPlan plan(JobRequest r, DataRoot root) {
        if (r.type() == null || !JobRequest.EVALUATE.equals(r.type())) {
            throw JobException.badRequest("unknown job type '" + r.type() + "'; known: evaluate");
        }
        if (r.model() == null || r.model().isBlank()) {
            throw JobException.badRequest("'model' is required: \"<name>\" or \"<name>/<version>\"");
        }
        ModelVersion mv = registry.get(r.modelName(), r.modelVersion());
        return EvaluationPlan.of(r, mv.task(), root);
    }

    private JobInfo queue(String id, JobRequest r) {
        JobInfo j = JobInfo.queued(id, r, Instant.now());
        jobs.put(id, j);
        store.save(j);
        store.log(id, "queued: evaluate " + r.model() + " on " + r.dataset().format() + " " + r.dataset().annotations());
        enqueue(id);
        return j;
    }

    private void enqueue(String id) {
        RunningJob r = new RunningJob(id, store, this::get, this::progressed, metrics);
        active.put(id, r);
        Future<?> f = executor.submit(() -> execute(r));
        r.future = f;
    }

    private void execute(RunningJob r) {
        synchronized (r) {
            if (r.cancel || get(r.id).state() != JobState.QUEUED) {
                return;
            }
            update(get(r.id).running(Instant.now()));
        }
        r.started();
        r.log("started");
        JobInfo j = get(r.id);
        try {
            JobRequest req = j.request();
            DataRoot root = req.dataset() != null && req.dataset().isUploaded()
                    ? new DataRoot(store.dir(r.id).resolve("dataset")) : dataRoot;
            r.awaitStartup(startup::done);
            EvaluationPlan plan = plan(req, root);
            ModelVersion mv = registry.get(plan.model(), plan.version());
            r.awaitWorkers(mv.pool());
            Map<String, Object> m = new EvaluationJob(plan, mv.pool(), config.jobs().maxInFlight()).run(r);
            synchronized (r) {
                JobInfo done = get(r.id).succeeded(m, Instant.now());
                update(done);
                metrics.finished(done.type(), done.state(), done.durationSeconds(Instant.now()));
            }
            r.log("succeeded");
        } catch (JobContext.Cancelled e) {
            finish(get(r.id), stopping ? JobState.FAILED : JobState.CANCELLED,
                    stopping ? "interrupted" : "cancelled by request");
        } catch (RuntimeException | OutOfMemoryError e) {
            if (r.cancel) {
                finish(get(r.id), stopping ? JobState.FAILED : JobState.CANCELLED,
                        stopping ? "interrupted" : "cancelled by request");
            } else {
                String why = e instanceof OutOfMemoryError ? "out of memory" : readable(message(e), r.id);
                LOG.infof("job %s failed: %s", r.id, why);
                finish(get(r.id), JobState.FAILED, why);
            }
        } finally {
            active.remove(r.id);
        }
    }

    private void finish(JobInfo j, JobState state, String why) {
        JobInfo done = j.ended(state, why, Instant.now());
        update(done);
        store.log(j.id(), state.label() + ": " + why);
        metrics.finished(done.type(), state, done.durationSeconds(Instant.now()));
    }

    private synchronized void update(JobInfo j) {
        jobs.put(j.id(), j);
        store.save(j);
    }

    /** Progress of a running job (saved at most once a second); ignored once the job has ended. */
    private synchronized void progressed(JobInfo j, boolean save) {
        if (jobs.get(j.id()).state() != JobState.RUNNING) {
            return;
        }
        jobs.put(j.id(), j);
        if (save) {
            store.save(j);
        }
    }

    /** Server paths in a message, shown relative to the data root or the uploaded dataset. */
    private String readable(String message, String id) {
        return message.replace(store.dir(id).resolve("dataset").toAbsolutePath().normalize() + "/", "")
                .replace(dataRoot.root() + "/", "");
    }

    private static String message(Throwable e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }

    private static String newId() {
        return String.format("%tY%<tm%<td-%<tH%<tM%<tS-%s", new java.util.Date(),
                UUID.randomUUID().toString().substring(0, 8));
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
