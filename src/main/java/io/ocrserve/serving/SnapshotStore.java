package io.ocrserve.serving;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * Registry snapshots: after every change the whole registry is written to a new file (atomically, via a
 * rename), the newest few are kept, and the newest is read back at startup.
 */
final class SnapshotStore {
    private static final Logger LOG = Logger.getLogger(SnapshotStore.class);
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final String SUFFIX = "-snapshot.json";
    private static final int KEEP = 10;

    private final Path dir;
    private long lastStamp;

    SnapshotStore(Path dir) {
        this.dir = dir;
    }

    synchronized void write(List<SnapshotEntry> entries) {
        try {
            Files.createDirectories(dir);
            long stamp = Math.max(Instant.now().toEpochMilli(), lastStamp + 1);
            lastStamp = stamp;
            Path tmp = dir.resolve(stamp + SUFFIX + ".tmp");
            JSON.writeValue(tmp.toFile(), Map.of("created", Instant.ofEpochMilli(stamp).toString(), "models", entries));
            Files.move(tmp, dir.resolve(stamp + SUFFIX), StandardCopyOption.ATOMIC_MOVE);
            List<Path> all = list();
            for (int i = 0; i < all.size() - KEEP; i++) {
                Files.deleteIfExists(all.get(i));
            }
        } catch (IOException e) {
            LOG.errorf(e, "cannot write the model snapshot to %s", dir);
        }
    }

    /** The newest snapshot's entries, if there is one that can be read. */
    Optional<List<SnapshotEntry>> latest() {
        try {
            List<Path> all = list();
            for (int i = all.size() - 1; i >= 0; i--) {
                try {
                    Map<String, Object> doc = JSON.readValue(all.get(i).toFile(), new TypeReference<>() {});
                    List<SnapshotEntry> entries = JSON.convertValue(doc.get("models"), new TypeReference<>() {});
                    LOG.infof("restoring %d model versions from snapshot %s", entries.size(), all.get(i).getFileName());
                    return Optional.of(entries);
                } catch (IOException | IllegalArgumentException e) {
                    LOG.warnf("skipping unreadable snapshot %s: %s", all.get(i).getFileName(), e.getMessage());
                }
            }
        } catch (IOException e) {
            LOG.warnf("cannot list snapshots in %s: %s", dir, e.getMessage());
        }
        return Optional.empty();
    }

    private List<Path> list() throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(SUFFIX))
                    .sorted(Comparator.comparing(p -> Long.parseLong(p.getFileName().toString().replace(SUFFIX, ""))))
                    .toList();
        }
    }
}
