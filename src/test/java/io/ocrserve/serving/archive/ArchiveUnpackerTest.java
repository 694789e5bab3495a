package io.ocrserve.serving.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArchiveUnpackerTest {
    @TempDir
    Path tmp;

    @Test
    void refusesZipSlip() throws IOException {
        Path zip = zip("slip.zip", "../outside.txt", new byte[10], 1);
        ArchiveException e = assertThrows(ArchiveException.class,
                () -> new ArchiveUnpacker(100, 1000).unpack(zip, ArchiveUnpacker.Format.ZIP, tmp.resolve("out")));
        assertTrue(e.getMessage().contains("outside"), e.getMessage());
        assertTrue(Files.notExists(tmp.resolve("outside.txt")));
    }

    @Test
    void refusesTooManyEntries() throws IOException {
        Path zip = zip("many.zip", "f", new byte[1], 50);
        ArchiveException e = assertThrows(ArchiveException.class,
                () -> new ArchiveUnpacker(10, 1_000_000).unpack(zip, ArchiveUnpacker.Format.ZIP, tmp.resolve("out")));
        assertTrue(e.getMessage().contains("more than 10 entries"), e.getMessage());
    }

    @Test
    void stopsADecompressionBombByRealBytes() throws IOException {
        // 50 MB of zeros compresses to about 50 KB
        Path zip = zip("bomb.zip", "zeros", new byte[50_000_000], 1);
        assertTrue(Files.size(zip) < 1_000_000);
        ArchiveException e = assertThrows(ArchiveException.class, () -> new ArchiveUnpacker(100, 10_000_000)
                .unpack(zip, ArchiveUnpacker.Format.ZIP, tmp.resolve("out")));
        assertTrue(e.getMessage().contains("more than 10000000 bytes"), e.getMessage());
    }

    @Test
    void refusesSymlinksInTarGz() throws IOException {
        Path tgz = tmp.resolve("link.tar.gz");
        try (OutputStream out = Files.newOutputStream(tgz);
                TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(out))) {
            TarArchiveEntry link = new TarArchiveEntry("passwd", TarArchiveEntry.LF_SYMLINK);
            link.setLinkName("/etc/passwd");
            tar.putArchiveEntry(link);
            tar.closeArchiveEntry();
        }
        assertEquals(ArchiveUnpacker.Format.TAR_GZ, ArchiveUnpacker.detect(tgz));
        ArchiveException e = assertThrows(ArchiveException.class, () -> new ArchiveUnpacker(100, 1000)
                .unpack(tgz, ArchiveUnpacker.Format.TAR_GZ, tmp.resolve("out")));
        assertTrue(e.getMessage().contains("link"), e.getMessage());
    }

    @Test
    void detectsFormats() throws IOException {
        assertEquals(ArchiveUnpacker.Format.ZIP, ArchiveUnpacker.detect(zip("a.mar", "x", new byte[1], 1)));
        assertEquals(ArchiveUnpacker.Format.DIRECTORY, ArchiveUnpacker.detect(tmp));
        Path junk = Files.writeString(tmp.resolve("junk"), "hello");
        assertThrows(ArchiveException.class, () -> ArchiveUnpacker.detect(junk));
    }

    private Path zip(String name, String entry, byte[] content, int copies) throws IOException {
        Path p = tmp.resolve(name);
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(p))) {
            for (int i = 0; i < copies; i++) {
                z.putNextEntry(new ZipEntry(copies == 1 ? entry : entry + i));
                z.write(content);
                z.closeEntry();
            }
        }
        return p;
    }
}
