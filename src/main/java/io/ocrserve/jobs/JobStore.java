package io.ocrserve.jobs;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/** Jobs on disk: one folder per job holding job.json (written atomically), log.txt and artifacts/. */
public final class JobStore {
    private static final Logger LOG = Logger.getLogger(JobStore.class);
    static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private final Path root;

    public JobStore(Path root) {
        this.root = root;
        try {
            Files.createDirectories(root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the jobs folder " + root.toAbsolutePath(), e);
        }
    }

    public Path root() {
        return root;
    }

    public Path dir(String id) {
        return root.resolve(id);
    }

    public Path artifacts(String id) {
        return dir(id).resolve("artifacts");
    }

    public void save(JobInfo job) {
        try {
            Path dir = Files.createDirectories(dir(job.id()));
            Path tmp = dir.resolve("job.json.tmp");
            JSON.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), job);
            try {
                Files.move(tmp, dir.resolve("job.json"), StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, dir.resolve("job.json"), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            LOG.errorf(e, "cannot save job %s", job.id());
        }
    }

    /** Every readable job.json; unreadable ones are logged and left out. */
    public List<JobInfo> loadAll() {
        List<JobInfo> out = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(root)) {
            for (Path d : dirs.filter(Files::isDirectory).toList()) {
                Path f = d.resolve("job.json");
                if (!Files.isRegularFile(f)) {
                    continue;
                }
                try {
                    out.add(JSON.readValue(f.toFile(), JobInfo.class));
                } catch (IOException e) {
                    LOG.warnf("skipping unreadable job file %s: %s", f, e.getMessage());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the jobs folder " + root, e);
        }
        return out;
    }

    /** The jobs on disk, oldest first; one that was running when the process died is now failed ("interrupted"). */
    public List<JobInfo> recover() {
        List<JobInfo> out = new ArrayList<>();
        for (JobInfo j : loadAll().stream().sorted(java.util.Comparator.comparing(JobInfo::created)).toList()) {
            if (j.state() == JobState.RUNNING) {
                j = j.ended(JobState.FAILED, "interrupted", Instant.now());
                save(j);
                log(j.id(), "failed: interrupted (the server stopped while the job was running)");
            }
            out.add(j);
        }
        return out;
    }

    /** Appends one time-stamped line to the job's log. */
    public synchronized void log(String id, String line) {
        try {
            Path dir = Files.createDirectories(dir(id));
            try (Writer w = Files.newBufferedWriter(dir.resolve("log.txt"), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
                w.write(Instant.now() + " " + line + "\n");
            }
        } catch (IOException e) {
            LOG.warnf("cannot write the log of job %s: %s", id, e.getMessage());
        }
    }

    /** The log from byte {@code since} on, and the offset to ask for next time. */
    public record LogChunk(String text, long next) {}

    public LogChunk readLog(String id, long since) {
        Path f = dir(id).resolve("log.txt");
        if (!Files.isRegularFile(f)) {
            return new LogChunk("", 0);
        }
        try {
            byte[] all = Files.readAllBytes(f);
            int from = (int) Math.min(Math.max(0, since), all.length);
            return new LogChunk(new String(all, from, all.length - from, StandardCharsets.UTF_8), all.length);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the log of job " + id, e);
        }
    }

    public List<String> artifactNames(String id) {
        Path dir = artifacts(id);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An artifact file, only by a plain name listed in artifacts/. */
    public Path artifact(String id, String name) {
        if (!artifactNames(id).contains(name)) {
            throw new JobException(JobException.Kind.NOT_FOUND, "job " + id + " has no artifact '" + name
                    + "'; it has " + artifactNames(id));
        }
        return artifacts(id).resolve(name);
    }
}
