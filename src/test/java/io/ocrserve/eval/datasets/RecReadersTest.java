package io.ocrserve.eval.datasets;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;

import javax.imageio.ImageIO;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RecReadersTest {
    static final List<String> FILES = List.of("1223731.jpg", "1223733.jpg", "1223732.jpg", "1223729.jpg",
            "1036169.jpg", "1190237.jpg", "1058891.jpg", "1058892.jpg", "1240078.jpg", "1210236.jpg");
    static final List<String> TEXTS = List.of("GRAND", "HOTEL", "HOTEL", "PACIFIC", "03/09/2009", "ANING",
            "Virgin", "america", "ATTACK", "DAVIDSON");

    @BeforeAll
    static void check() {
        ToyData.assumePresent();
    }

    @Test
    void labelTxtJsonlAndLabelLmdbAgree() {
        for (RecDataset d : List.of(
                DatasetReaders.openRec("ocr_txt", ToyData.REC.resolve("label.txt"), ToyData.REC.resolve("imgs")),
                DatasetReaders.openRec("ocr_jsonl", ToyData.REC.resolve("label.jsonl"), ToyData.REC.resolve("imgs")),
                DatasetReaders.openRec("lmdb", ToyData.REC.resolve("label.lmdb"), ToyData.REC.resolve("imgs")))) {
            assertEquals(10, d.size(), d.format());
            assertEquals(TEXTS, d.texts(), d.format());
            assertEquals(FILES, d.samples().stream().map(RecSample::file).toList(), d.format());
            assertTrue(d.samples().stream().noneMatch(RecSample::hasImageBytes), d.format());
            assertEquals(List.of(), d.skipped(), d.format());
        }
    }

    @Test
    void imageLmdbCarriesTheImagesAndPlainLabels() throws IOException {
        RecDataset d = DatasetReaders.openRec("lmdb", ToyData.REC.resolve("imgs.lmdb"), null);
        assertEquals(10, d.size());
        assertEquals(List.of(), d.skipped());
        // the same ten words in the same order as label.txt
        assertEquals(TEXTS, d.texts());
        RecSample s = d.samples().get(0);
        assertEquals("image-000000001", s.file());
        assertTrue(s.hasImageBytes());
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(s.image()));
        assertNotNull(img, "image-000000001 is not a decodable image");
        assertTrue(img.getWidth() > 0 && img.getHeight() > 0);
        assertArrayEquals(Files.readAllBytes(ToyData.REC.resolve("imgs/1223731.jpg")), s.image());
        // the data.mdb file itself is accepted too
        assertEquals(d.texts(), DatasetReaders.openRec("lmdb", ToyData.REC.resolve("imgs.lmdb/data.mdb"), null)
                .texts());
        assertFalse(d.samples().get(9).file().isEmpty());
    }
}
