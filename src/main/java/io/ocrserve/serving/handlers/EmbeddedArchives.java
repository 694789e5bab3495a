package io.ocrserve.serving.handlers;

import io.ocrserve.serving.archive.ArchiveException;
import io.ocrserve.serving.archive.ArchiveReader;
import io.ocrserve.serving.archive.ArchiveUnpacker;
import io.ocrserve.serving.archive.ModelArchive;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Archives packed inside a pipeline archive (its det and rec models). They are unpacked into a temporary folder
 * that is removed when the process exits.
 */
final class EmbeddedArchives {
    private static final int MAX_ENTRIES = 1000;
    private static final long MAX_BYTES = 4L << 30;

    private EmbeddedArchives() {}

    static ModelArchive open(Path nested) {
        try {
            Path dir = Files.createTempDirectory("ocrserve-embedded");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> ArchiveReader.deleteQuietly(dir)));
            return new ArchiveReader(new ArchiveUnpacker(MAX_ENTRIES, MAX_BYTES), dir).open(nested);
        } catch (IOException e) {
            throw new ArchiveException("cannot unpack embedded archive " + nested.getFileName() + ": " + e.getMessage(), e);
        }
    }
}
