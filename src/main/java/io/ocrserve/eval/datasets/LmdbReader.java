package io.ocrserve.eval.datasets;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.lmdbjava.ByteArrayProxy;
import org.lmdbjava.Dbi;
import org.lmdbjava.Env;
import org.lmdbjava.EnvFlags;
import org.lmdbjava.LmdbException;
import org.lmdbjava.Txn;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code lmdb}: MMOCR's recognition LMDB. Keys {@code num-samples}, {@code label-%09d} and, when the LMDB holds
 * the images, {@code image-%09d}, indexed from 1. With images, the label is the plain text and the sample
 * carries the encoded image bytes; without, the label is a line of the label file: a JSON object
 * {@code {"filename", "text"}} or {@code filename text}.
 *
 * <p>Opened read-only with MDB_NOLOCK, so no lock.mdb is created or needed (dataset folders are often
 * read-only). Uses lmdbjava's byte[] proxy, which needs no {@code --add-opens} on Java 17.
 */
final class LmdbReader {
    static final String FORMAT = "lmdb";

    private LmdbReader() {
    }

    static RecDataset read(Path ann, Path imagesDir) {
        Path dir = ann != null && Files.isRegularFile(ann) && ann.getFileName().toString().equals("data.mdb")
                ? ann.getParent() : ann;
        if (dir == null || !Files.isRegularFile(dir.resolve("data.mdb"))) {
            throw new DatasetException(FORMAT, ann, "no data.mdb found; pass the LMDB folder (e.g. label.lmdb)");
        }
        List<Skipped> skipped = new ArrayList<>();
        List<RecSample> samples = new ArrayList<>();
        try (Env<byte[]> env = Env.create(ByteArrayProxy.PROXY_BA).setMaxDbs(1)
                .open(dir.toFile(), EnvFlags.MDB_RDONLY_ENV, EnvFlags.MDB_NOLOCK);
             Txn<byte[]> txn = env.txnRead()) {
            Dbi<byte[]> db = env.openDbi(txn, null, null, false);
            String count = get(db, txn, "num-samples");
            if (count == null) {
                throw new DatasetException(FORMAT, dir, "has no 'num-samples' key; not an MMOCR recognition LMDB");
            }
            int n;
            try {
                n = Integer.parseInt(count.strip());
            } catch (NumberFormatException e) {
                throw new DatasetException(FORMAT, dir, "'num-samples' is not a number: " + count, e);
            }
            for (int i = 1; i <= n; i++) {
                String labelKey = String.format("label-%09d", i);
                String imageKey = String.format("image-%09d", i);
                String label = get(db, txn, labelKey);
                if (label == null) {
                    skipped.add(new Skipped(labelKey, "missing"));
                    continue;
                }
                byte[] image = db.get(txn, imageKey.getBytes(StandardCharsets.UTF_8));
                if (image != null) {
                    samples.add(new RecSample(imageKey, label, image));
                    continue;
                }
                RecSample s = parseLine(label.strip());
                if (s == null) {
                    skipped.add(new Skipped(labelKey, "label is neither {\"filename\", \"text\"} JSON nor "
                            + "'filename text', and there is no " + imageKey));
                } else {
                    samples.add(s);
                }
            }
        } catch (LmdbException e) {
            throw new DatasetException(FORMAT, dir, "cannot be opened as LMDB: " + e.getMessage(), e);
        }
        return new RecDataset(FORMAT, imagesDir, samples, skipped);
    }

    private static String get(Dbi<byte[]> db, Txn<byte[]> txn, String key) {
        byte[] v = db.get(txn, key.getBytes(StandardCharsets.UTF_8));
        return v == null ? null : new String(v, StandardCharsets.UTF_8);
    }

    private static RecSample parseLine(String line) {
        if (line.startsWith("{")) {
            try {
                return OcrLabelReader.fromJson(Files2.JSON.readTree(line));
            } catch (JsonProcessingException e) {
                return null;
            }
        }
        return OcrLabelReader.fileAndText(line);
    }
}
