package io.ocrserve.eval.datasets;

import io.ocrserve.eval.GtInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lmdbjava.ByteArrayProxy;
import org.lmdbjava.Dbi;
import org.lmdbjava.DbiFlags;
import org.lmdbjava.Env;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Skip rules and error messages, on small files written to a temporary folder. */
class ReaderErrorsTest {
    @TempDir
    Path dir;

    @Test
    void unknownFormatAndWrongKind() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DatasetReaders.open("icdar2015", dir, null));
        assertTrue(e.getMessage().contains("unknown dataset format 'icdar2015'"), e.getMessage());
        assertTrue(e.getMessage().contains("icdar_coco"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> DatasetReaders.open(null, dir, null));
        assertThrows(IllegalArgumentException.class, () -> DatasetReaders.openDet("ocr_txt", dir, null));
        assertThrows(IllegalArgumentException.class, () -> DatasetReaders.openRec("icdar_coco", dir, null));
    }

    @Test
    void missingFilesAndDirectories() {
        DatasetException e = assertThrows(DatasetException.class,
                () -> DatasetReaders.open("icdar_coco", dir.resolve("nope.json"), null));
        assertTrue(e.getMessage().contains("not found"), e.getMessage());
        assertEquals("icdar_coco", e.format());
        DatasetException d = assertThrows(DatasetException.class, () -> DatasetReaders.open("ocr_txt", dir, null));
        assertTrue(d.getMessage().contains("is a directory"), d.getMessage());
        DatasetException l = assertThrows(DatasetException.class, () -> DatasetReaders.open("lmdb", dir, null));
        assertTrue(l.getMessage().contains("no data.mdb"), l.getMessage());
        DatasetException t = assertThrows(DatasetException.class, () -> DatasetReaders.open("icdar_txt", dir, null));
        assertTrue(t.getMessage().contains("no gt_*.txt"), t.getMessage());
    }

    @Test
    void truncatedJson() throws IOException {
        Path coco = write("coco.json", "{\"images\": [{\"file_name\": \"a.jpg\", \"id\": 0");
        DatasetException e = assertThrows(DatasetException.class, () -> DatasetReaders.open("icdar_coco", coco, null));
        assertTrue(e.getMessage().contains("is not valid JSON at line 1"), e.getMessage());
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
        Path notCoco = write("other.json", "{\"foo\": 1}");
        DatasetException n = assertThrows(DatasetException.class,
                () -> DatasetReaders.open("icdar_coco", notCoco, null));
        assertTrue(n.getMessage().contains("'images' and 'annotations'"), n.getMessage());
        Path jsonl = write("label.jsonl", "{\"filename\": \"a.jpg\", \"text\": \"A\"}\n{\"filename\": \"b.jp");
        DatasetException j = assertThrows(DatasetException.class, () -> DatasetReaders.open("ocr_jsonl", jsonl, null));
        assertTrue(j.getMessage().contains("line 2 is not valid JSON"), j.getMessage());
    }

    @Test
    void cocoSkipRules() throws IOException {
        String seg = "\"segmentation\": [[0, 0, 10, 0, 10, 10, 0, 10]]";
        Path coco = write("coco.json", """
                {"images": [{"file_name": "a.jpg", "width": 100, "height": 50, "id": 7}],
                 "categories": [{"id": 1, "name": "text"}],
                 "annotations": [
                  {"id": 1, "image_id": 7, "category_id": 1, "iscrowd": 0, "bbox": [0, 0, 10, 10], "area": 100, %s, "text": "ok"},
                  {"id": 2, "image_id": 7, "category_id": 1, "iscrowd": 1, "bbox": [0, 0, 10, 10], "area": 100, %s},
                  {"id": 3, "image_id": 7, "category_id": 1, "ignore": true, "bbox": [0, 0, 10, 10], "area": 100, %s},
                  {"id": 4, "image_id": 7, "category_id": 1, "bbox": [0, 0, 10, 10], "area": 0, %s},
                  {"id": 5, "image_id": 7, "category_id": 1, "bbox": [0, 0, 0.5, 10], "area": 5, %s},
                  {"id": 6, "image_id": 7, "category_id": 1, "bbox": [0, 0, 10, 0.9], "area": 9, %s},
                  {"id": 7, "image_id": 7, "category_id": 2, "bbox": [0, 0, 10, 10], "area": 100, %s},
                  {"id": 8, "image_id": 9, "category_id": 1, "bbox": [0, 0, 10, 10], "area": 100, %s},
                  {"id": 9, "image_id": 7, "category_id": 1, "bbox": [0, 0, 10, 10], "area": 100, "segmentation": [[0, 0, 1, 1, 2, 2]]}
                 ]}""".formatted(seg, seg, seg, seg, seg, seg, seg, seg));
        DetDataset d = DatasetReaders.openDet("icdar_coco", coco, null);
        assertEquals(1, d.size());
        DetSample s = d.samples().get(0);
        assertEquals(100, s.width());
        assertEquals(50, s.height());
        assertEquals(2, s.instances().size());
        GtInstance first = s.instances().get(0);
        assertEquals("ok", first.text());
        assertEquals(false, first.ignore());
        assertEquals(true, s.instances().get(1).ignore());
        assertEquals(List.of("annotation id 3", "annotation id 4", "annotation id 5", "annotation id 6",
                "annotation id 7", "annotation id 8", "annotation id 9"),
                d.skipped().stream().map(Skipped::where).toList());
        assertEquals("marked ignore", d.skipped().get(0).reason());
        assertTrue(d.skipped().get(4).reason().contains("category_id 2"), d.skipped().get(4).reason());
        assertTrue(d.skipped().get(5).reason().contains("image_id 9"), d.skipped().get(5).reason());
    }

    @Test
    void icdarTxtWithBomCommasDontCareAndDegenerateBoxes() throws IOException {
        Path gts = Files.createDirectory(dir.resolve("gt"));
        Files.write(gts.resolve("gt_img_2.txt"), ("\uFEFF1,1,20,1,20,10,1,10,Hello, world\r\n"
                + "5,5,30,5,30,20,5,20,###\r\n"
                + "5,5,5.5,5,5.5,20,5,20,thin\r\n"
                + "a,b,c\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        Files.writeString(gts.resolve("gt_img_10.txt"), "0,0,10,0,10,10,0,10,x\n");
        DetDataset d = DatasetReaders.openDet("icdar_txt", gts, null);
        assertEquals(List.of("img_2.jpg", "img_10.jpg"), d.samples().stream().map(DetSample::file).toList());
        List<GtInstance> g = d.samples().get(0).instances();
        assertEquals(2, g.size());
        assertArrayEquals(new double[] {1, 1, 20, 1, 20, 10, 1, 10}, g.get(0).polygon());
        assertEquals("Hello, world", g.get(0).text());
        assertEquals(false, g.get(0).ignore());
        assertEquals(true, g.get(1).ignore());
        assertEquals(0, d.samples().get(0).width()); // no images folder: size unknown
        assertEquals(List.of("gt_img_2.txt line 3", "gt_img_2.txt line 4"),
                d.skipped().stream().map(Skipped::where).toList());
        // with an images folder that lacks img_2: the whole file is skipped, and said so
        Path imgs = Files.createDirectory(dir.resolve("imgs"));
        Files.copy(ToyDataImage.any(), imgs.resolve("img_10.jpg"));
        DetDataset withImgs = DatasetReaders.openDet("icdar_txt", gts, imgs);
        assertEquals(1, withImgs.size());
        assertEquals(1280, withImgs.samples().get(0).width());
        assertTrue(withImgs.skipped().get(0).reason().startsWith("no image img_2"), withImgs.skipped().toString());
    }

    @Test
    void ocrTxtSplitsOnTheFirstSpace() throws IOException {
        Path label = write("label.txt", "\uFEFFa.jpg Hello world\nb.jpg  lead\nnospace\n\nc.jpg x \n");
        RecDataset d = DatasetReaders.openRec("ocr_txt", label, null);
        assertEquals(List.of("Hello world", " lead", "x"), d.texts());
        assertEquals(List.of("a.jpg", "b.jpg", "c.jpg"), d.samples().stream().map(RecSample::file).toList());
        assertEquals(List.of(new Skipped("line 3", "no text after the file name (expected 'filename text')")),
                d.skipped());
        Path jsonl = write("label.jsonl", "{\"filename\": \"a.jpg\", \"text\": \"two words\"}\n{\"file\": \"b\"}\n");
        RecDataset j = DatasetReaders.openRec("ocr_jsonl", jsonl, null);
        assertEquals(List.of("two words"), j.texts());
        assertEquals("line 2", j.skipped().get(0).where());
    }

    @Test
    void lmdbLabelFormsAndMissingKeys() throws IOException {
        Path db = Files.createDirectory(dir.resolve("x.lmdb"));
        writeLmdb(db, Map.of("num-samples", "3", "label-000000001", "a.jpg two words",
                "label-000000002", "{\"filename\": \"b.jpg\", \"text\": \"B\"}"));
        RecDataset d = DatasetReaders.openRec("lmdb", db, null);
        assertEquals(List.of("two words", "B"), d.texts());
        assertEquals(List.of(new Skipped("label-000000003", "missing")), d.skipped());
        Path bad = Files.createDirectory(dir.resolve("bad.lmdb"));
        writeLmdb(bad, Map.of("label-000000001", "x"));
        DatasetException e = assertThrows(DatasetException.class, () -> DatasetReaders.open("lmdb", bad, null));
        assertTrue(e.getMessage().contains("no 'num-samples'"), e.getMessage());
        Path junk = Files.createDirectory(dir.resolve("junk.lmdb"));
        Files.write(junk.resolve("data.mdb"), new byte[8192]);
        DatasetException j = assertThrows(DatasetException.class, () -> DatasetReaders.open("lmdb", junk, null));
        assertTrue(j.getMessage().contains("cannot be opened as LMDB"), j.getMessage());
    }

    private static void writeLmdb(Path path, Map<String, String> kv) {
        try (Env<byte[]> env = Env.create(ByteArrayProxy.PROXY_BA).setMapSize(1 << 20).setMaxDbs(1)
                .open(path.toFile())) {
            Dbi<byte[]> db = env.openDbi((byte[]) null, DbiFlags.MDB_CREATE);
            kv.forEach((k, v) -> db.put(k.getBytes(StandardCharsets.UTF_8), v.getBytes(StandardCharsets.UTF_8)));
        }
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }

    /** A real JPEG from the toy data, for the image-size path. */
    static final class ToyDataImage {
        static Path any() {
            ToyData.assumePresent();
            return ToyData.DET.resolve("imgs/test/img_10.jpg");
        }
    }
}
