package io.ocrserve.ocr.rec;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class DictionaryTest {
    @Test
    void builtinSizes() {
        Dictionary.Options o = Dictionary.Options.ctc();
        assertEquals(36, Dictionary.builtin("DICT36", o).size());
        assertEquals(37, Dictionary.builtin("DICT37", o).size());
        assertEquals(90, Dictionary.builtin("DICT90", o).size());
        assertEquals(91, Dictionary.builtin("DICT91", o).size());
        assertEquals(" ", Dictionary.builtin("DICT91", o).chars().get(90));
        assertEquals("~", Dictionary.builtin("DICT90", o).chars().get(89));
        assertEquals("\\", Dictionary.builtin("DICT90", o).chars().get(85));
        assertThrows(IllegalArgumentException.class, () -> Dictionary.builtin("DICT12", o));
    }

    @Test
    void ctcLayout() {
        TokenTable t = Dictionary.builtin("DICT36", Dictionary.Options.ctc()).ctcTable();
        assertEquals(37, t.size());
        assertEquals("<BLK>", t.token(0));
        assertEquals("0", t.token(1));
        assertEquals("z", t.token(36));
        assertEquals(-1, t.unknownIndex());

        TokenTable u = Dictionary.builtin("DICT36", Dictionary.Options.ctc().withUnknown(true)).ctcTable();
        assertEquals(38, u.size());
        assertEquals(37, u.unknownIndex());
        assertEquals("<UKN>", u.token(37));
    }

    @Test
    void attentionLayoutDict90() {
        TokenTable t = Dictionary.builtin("DICT90", Dictionary.Options.attention()).attentionTable();
        assertEquals(93, t.size());
        assertEquals(90, t.unknownIndex());
        assertEquals(91, t.endIndex());
        assertEquals(92, t.paddingIndex());
        assertEquals("<BOS/EOS>", t.token(91));
        assertEquals("A", t.token(36));
    }

    @Test
    void abiLayout() {
        TokenTable t = Dictionary.builtin("DICT36", Dictionary.Options.abi()).attentionTable();
        assertEquals(36, t.endIndex());
        assertEquals(-1, t.unknownIndex());
        assertEquals("z", t.token(35));
    }

    @Test
    void fileKeepsSpaceLineSkipsEmpty(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("dict.txt");
        Files.writeString(f, "a\r\n \n\nb\n\uD842\uDFB7\n", StandardCharsets.UTF_8);
        Dictionary d = Dictionary.fromFile(f, Dictionary.Options.ctc());
        assertEquals(List.of("a", " ", "b", "\uD842\uDFB7"), d.chars());
        assertEquals("\uD842\uDFB7", d.ctcTable().token(4));
    }

    @Test
    void multiCharLineRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> Dictionary.fromLines(List.of("a", "bc"), Dictionary.Options.ctc()));
    }

    @Test
    void useSpaceCharAppends() {
        Dictionary d = Dictionary.fromLines(List.of("x", "y"), Dictionary.Options.paddle());
        assertEquals(List.of("x", "y", " "), d.chars());
        assertEquals(4, d.ctcTable().size());
    }

    @Test
    void lowerOnlyForLabels() {
        Dictionary d = Dictionary.builtin("DICT36", Dictionary.Options.ctc().lower(true));
        assertEquals("abc", d.normalizeLabel("AbC"));
    }

    @Test
    void paddleKeysFile() throws IOException {
        Path keys = Path.of("/tmp/models/package/assets/ppocr_keys_v1.txt");
        assumeTrue(Files.exists(keys), "ppocr_keys_v1.txt not available");
        Dictionary d = Dictionary.fromFile(keys, Dictionary.Options.paddle());
        assertEquals(6624, d.size());
        TokenTable t = d.ctcTable();
        assertEquals(6625, t.size());
        assertEquals("'", t.token(1));
        assertEquals(" ", t.token(6624));
    }
}
