package io.ocrserve.engine;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes small TorchScript modules without Python: a TorchScript file is a stored zip holding the module's
 * pickled state ({@code data.pkl}), its code and a version (see ../shared/docs/djl-notes.md).
 */
public final class TorchScriptFiles {
    private TorchScriptFiles() {}

    /** A parameterless module {@code __torch__.Model} whose forward body is {@code forwardBody}. */
    public static Path write(Path file, String forwardSignature, String forwardBody) throws IOException {
        String name = "model";
        String code = "class Model(Module):\n"
                + "  __parameters__ = []\n"
                + "  __buffers__ = []\n"
                + "  training : bool\n"
                + "  def forward(self" + forwardSignature + ":\n"
                + "    " + forwardBody + "\n";
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            stored(zip, name + "/data.pkl", dataPickle());
            stored(zip, name + "/code/__torch__.py", code.getBytes(StandardCharsets.UTF_8));
            stored(zip, name + "/constants.pkl", new byte[] {(byte) 0x80, 2, ')', '.'}); // empty tuple
            stored(zip, name + "/version", "3\n".getBytes(StandardCharsets.UTF_8));
        }
        return file;
    }

    /** pickle protocol 2: Model() with state {"training": False}. */
    private static byte[] dataPickle() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0x80);
        out.write(2);
        writeAscii(out, "c__torch__\nModel\n"); // GLOBAL
        out.write(')'); // EMPTY_TUPLE
        out.write(0x81); // NEWOBJ
        out.write('}'); // EMPTY_DICT
        byte[] key = "training".getBytes(StandardCharsets.UTF_8);
        out.write('X'); // BINUNICODE
        out.write(key.length);
        out.write(0);
        out.write(0);
        out.write(0);
        out.write(key, 0, key.length);
        out.write(0x89); // NEWFALSE
        out.write('s'); // SETITEM
        out.write('b'); // BUILD
        out.write('.'); // STOP
        return out.toByteArray();
    }

    private static void writeAscii(ByteArrayOutputStream out, String s) {
        byte[] b = s.getBytes(StandardCharsets.US_ASCII);
        out.write(b, 0, b.length);
    }

    private static void stored(ZipOutputStream zip, String name, byte[] data) throws IOException {
        ZipEntry e = new ZipEntry(name);
        e.setMethod(ZipEntry.STORED);
        e.setSize(data.length);
        CRC32 crc = new CRC32();
        crc.update(data);
        e.setCrc(crc.getValue());
        zip.putNextEntry(e);
        zip.write(data);
        zip.closeEntry();
    }
}
