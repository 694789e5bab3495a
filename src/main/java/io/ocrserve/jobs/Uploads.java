package io.ocrserve.jobs;

import io.ocrserve.serving.archive.ArchiveException;
import io.ocrserve.serving.archive.ArchiveUnpacker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** A dataset uploaded as a zip, unpacked (with the archive limits: no zip slip, no bombs) into a job's folder. */
final class Uploads {
    private Uploads() {}

    static Path unpack(Path zip, Path target, int maxEntries, long maxBytes) {
        try {
            if (ArchiveUnpacker.detect(zip) != ArchiveUnpacker.Format.ZIP) {
                throw JobException.badRequest("the uploaded dataset must be a zip file");
            }
            new ArchiveUnpacker(maxEntries, maxBytes).unpack(zip, ArchiveUnpacker.Format.ZIP, target);
            return target;
        } catch (ArchiveException | IOException e) {
            delete(target.getParent());
            throw JobException.badRequest("the uploaded dataset is not a readable zip: " + e.getMessage());
        }
    }

    static void delete(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // best effort
        }
    }
}
