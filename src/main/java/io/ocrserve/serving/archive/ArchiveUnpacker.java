package io.ocrserve.serving.archive;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.compress.archivers.ArchiveEntry;
import org.apache.commons.compress.archivers.ArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * Unpacks zip (.mar) and tar.gz archives defensively: no entry may land outside the target folder (zip-slip),
 * links are refused, and the number of entries and the bytes actually written are capped (decompression bombs
 * lie in their headers, so the count is of real bytes).
 */
public final class ArchiveUnpacker {
    private final int maxEntries;
    private final long maxBytes;

    public ArchiveUnpacker(int maxEntries, long maxBytes) {
        this.maxEntries = maxEntries;
        this.maxBytes = maxBytes;
    }

    public enum Format { ZIP, TAR_GZ, DIRECTORY }

    public static Format detect(Path source) throws IOException {
        if (Files.isDirectory(source)) {
            return Format.DIRECTORY;
        }
        byte[] head = new byte[4];
        try (InputStream in = Files.newInputStream(source)) {
            int n = in.readNBytes(head, 0, 4);
            if (n >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) {
                return Format.ZIP;
            }
            if (n >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b) {
                return Format.TAR_GZ;
            }
        }
        throw new ArchiveException("'" + source.getFileName() + "' is not a model archive: expected a zip (.mar), "
                + "a .tar.gz or a folder");
    }

    /** Unpacks {@code source} into the empty folder {@code target}. */
    public void unpack(Path source, Format format, Path target) throws IOException {
        Files.createDirectories(target);
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(source))) {
            ArchiveInputStream<? extends ArchiveEntry> in = format == Format.ZIP
                    ? new ZipArchiveInputStream(raw)
                    : new TarArchiveInputStream(new GzipCompressorInputStream(raw));
            try (in) {
                copyEntries(in, target);
            }
        } catch (IOException | IllegalArgumentException e) {
            if (e instanceof ArchiveException) {
                throw e;
            }
            throw new ArchiveException("corrupt archive '" + source.getFileName() + "': " + e.getMessage(), e);
        }
    }

    private void copyEntries(ArchiveInputStream<? extends ArchiveEntry> in, Path target) throws IOException {
        Path root = target.toAbsolutePath().normalize();
        int entries = 0;
        long written = 0;
        byte[] buffer = new byte[64 * 1024];
        ArchiveEntry entry;
        while ((entry = in.getNextEntry()) != null) {
            if (++entries > maxEntries) {
                throw new ArchiveException("archive has more than " + maxEntries + " entries");
            }
            if (entry instanceof TarArchiveEntry tar && (tar.isSymbolicLink() || tar.isLink() || tar.isCharacterDevice() || tar.isBlockDevice()
                    || tar.isFIFO())) {
                throw new ArchiveException("archive entry '" + entry.getName() + "' is a link or device: refused");
            }
            Path dest = root.resolve(entry.getName()).normalize();
            if (!dest.startsWith(root) || dest.equals(root) && !entry.isDirectory()) {
                throw new ArchiveException("archive entry '" + entry.getName() + "' points outside the archive");
            }
            if (entry.isDirectory()) {
                Files.createDirectories(dest);
                continue;
            }
            Files.createDirectories(dest.getParent());
            try (OutputStream out = Files.newOutputStream(dest)) {
                int n;
                while ((n = in.read(buffer)) > 0) {
                    written += n;
                    if (written > maxBytes) {
                        throw new ArchiveException("archive unpacks to more than " + maxBytes + " bytes");
                    }
                    out.write(buffer, 0, n);
                }
            }
        }
        if (entries == 0) {
            throw new ArchiveException("archive is empty");
        }
    }
}
