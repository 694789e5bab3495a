package io.ocrserve.ocr.rec;

import io.ocrserve.ocr.FloatTensor;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

class DecodersTest {
    /** One-hot-ish rows: class idx[t] gets prob p[t], the rest share what is left. */
    static float[] probs(int classes, int[] idx, float[] p) {
        float[] d = new float[idx.length * classes];
        for (int t = 0; t < idx.length; t++) {
            float rest = (1 - p[t]) / (classes - 1);
            for (int c = 0; c < classes; c++) {
                d[t * classes + c] = c == idx[t] ? p[t] : rest;
            }
        }
        return d;
    }

    static FloatTensor tensor(int classes, int[] idx, float[] p) {
        return new FloatTensor(new long[] {idx.length, classes}, probs(classes, idx, p));
    }

    // DICT36 CTC: blank 0, '0'..'9' = 1..10, 'a' = 11, 'b' = 12, ...
    private final TokenTable ctc = Dictionary.builtin("DICT36", Dictionary.Options.ctc()).ctcTable();

    @Test
    void ctcCollapsesRepeatsAndBlanks() {
        // a a - a b b - -  -> "aab"
        int[] idx = {11, 11, 0, 11, 12, 12, 0, 0};
        float[] p = {0.9f, 0.8f, 0.7f, 0.6f, 0.5f, 0.95f, 0.9f, 0.9f};
        RecResult r = new CtcDecoder(ctc, false).decode(tensor(37, idx, p), 1.0);
        assertEquals("aab", r.text());
        assertArrayEquals(new double[] {0.9f, 0.6f, 0.5f}, r.charScores(), 0);
        assertEquals((0.9f + 0.6f + 0.5f) / 3.0, r.score(), 1e-12);
    }

    @Test
    void ctcValidRatioCutsSteps() {
        // T = 8, ratio 0.3 -> ceil(2.4) = 3 steps: a, -, b
        int[] idx = {11, 0, 12, 13, 14, 15, 16, 17};
        float[] p = new float[8];
        java.util.Arrays.fill(p, 0.9f);
        CtcDecoder dec = new CtcDecoder(ctc, false);
        assertEquals("ab", dec.decode(tensor(37, idx, p), 0.3).text());
        assertEquals("abcdefg", dec.decode(tensor(37, idx, p), 1.5).text());
        assertEquals("", dec.decode(tensor(37, idx, p), 0.0).text());
        assertEquals(0.0, dec.decode(tensor(37, idx, p), 0.0).score());
    }

    @Test
    void ctcSoftmaxOfLogits() {
        // logits [0, ln 3] for 2 classes (blank, '0') over a 37-class table: use 37 classes, others -inf-ish
        float[] row = new float[37];
        java.util.Arrays.fill(row, -100f);
        row[0] = 0f;
        row[1] = (float) Math.log(3);
        RecResult r = new CtcDecoder(ctc, true).decode(new FloatTensor(new long[] {1, 37}, row), 1.0);
        assertEquals("0", r.text());
        assertEquals(0.75, r.score(), 1e-6);
    }

    @Test
    void ctcUnknownEmitsToken() {
        TokenTable t = Dictionary.builtin("DICT36", Dictionary.Options.ctc().withUnknown(true)).ctcTable();
        RecResult r = new CtcDecoder(t, false).decode(tensor(38, new int[] {11, 37}, new float[] {1f, 1f}), 1);
        assertEquals("a<UKN>", r.text());
        assertEquals(2.0 / 6, r.score(), 1e-12);
    }

    @Test
    void ctcBatch() {
        float[] a = probs(37, new int[] {11, 12, 0}, new float[] {1, 1, 1});
        float[] b = probs(37, new int[] {13, 13, 13}, new float[] {1, 1, 1});
        float[] d = new float[a.length * 2];
        System.arraycopy(a, 0, d, 0, a.length);
        System.arraycopy(b, 0, d, a.length, b.length);
        List<RecResult> rs = new CtcDecoder(ctc, false)
                .decodeBatch(new FloatTensor(new long[] {2, 3, 37}, d), new double[] {0.3, 1});
        assertEquals("a", rs.get(0).text());
        assertEquals("c", rs.get(1).text());
    }

    @Test
    void ctcTooManyClassesRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> new CtcDecoder(ctc, false).decode(tensor(40, new int[] {1}, new float[] {1}), 1));
    }

    @Test
    void paddleLayout() {
        Dictionary keys = Dictionary.fromLines(List.of("中", "文"), Dictionary.Options.paddle());
        CtcDecoder dec = CtcDecoder.paddle(keys);
        assertEquals(4, dec.table().size());
        RecResult r = dec.decode(tensor(4, new int[] {1, 3, 0, 2, 2}, new float[] {0.8f, 0.6f, 0.9f, 0.7f, 0.9f}), 1);
        assertEquals("中 文", r.text());
        assertEquals((0.8f + 0.6f + 0.7f) / 3, r.score(), 1e-7);
    }

    // DICT90 attention: UKN 90, EOS 91, PAD 92
    private final TokenTable attn = Dictionary.builtin("DICT90", Dictionary.Options.attention()).attentionTable();

    @Test
    void attentionStopsAtEosSkipsPad() {
        int[] idx = {36, 92, 10, 10, 91, 11};  // 'A', PAD, 'a', 'a', EOS, 'b'
        float[] p = {0.9f, 0.99f, 0.8f, 0.7f, 0.6f, 0.5f};
        RecResult r = new AttentionDecoder(attn, false).decode(tensor(93, idx, p), 0.1);
        assertEquals("Aaa", r.text());
        assertArrayEquals(new double[] {0.9f, 0.8f, 0.7f}, r.charScores(), 0);
    }

    @Test
    void attentionUnknownIsLiteralToken() {
        RecResult r = new AttentionDecoder(attn, false)
                .decode(tensor(93, new int[] {10, 90, 91}, new float[] {0.6f, 0.6f, 0.9f}), 1);
        assertEquals("a<UKN>", r.text());
        assertEquals(1.2f / 6.0, r.score(), 1e-6);
    }

    @Test
    void attentionSoftmaxForLogits() {
        float[] row = new float[93];
        row[91] = 5f; // EOS first
        RecResult r = new AttentionDecoder(attn, true).decode(new FloatTensor(new long[] {1, 93}, row), 1);
        assertEquals("", r.text());
        assertEquals(0, r.charScores().length);
    }

    @Test
    void abi() {
        AbiDecoder dec = new AbiDecoder();
        float[] logits = new float[4 * 37];
        logits[0 * 37 + 12] = 10; // 'c'
        logits[1 * 37 + 10] = 10; // 'a'
        logits[2 * 37 + 36] = 10; // EOS
        logits[3 * 37 + 29] = 10; // 't' after EOS: ignored
        RecResult r = dec.decode(new FloatTensor(new long[] {4, 37}, logits), 1);
        assertEquals("ca", r.text());
        double p = 1 / (1 + 36 * Math.exp(-10));
        assertEquals(p, r.score(), 1e-6);
        RecResult raw = new AbiDecoder(Dictionary.builtin("DICT36", Dictionary.Options.abi()), false)
                .decode(new FloatTensor(new long[] {4, 37}, logits), 1);
        assertEquals(10.0, raw.score(), 0);
    }

    @Test
    void factory() {
        RecDecoder crnn = RecDecoders.create("CTCConvertor", null,
                Map.of("dict_type", "DICT36", "with_unknown", false, "lower", true));
        assertInstanceOf(CtcDecoder.class, crnn);
        assertEquals(37, crnn.table().size());
        RecDecoder sar = RecDecoders.create("AttnConvertor", null, Map.of("dict_type", "DICT90"));
        assertEquals(93, sar.table().size());
        assertEquals(91, sar.table().endIndex());
        RecDecoder abi = RecDecoders.create("ABIConvertor", null, Map.of("dict_type", "DICT36"));
        assertInstanceOf(AbiDecoder.class, abi);
        assertEquals(36, abi.table().endIndex());
        Dictionary d = Dictionary.builtin("DICT37", Dictionary.Options.ctc());
        assertEquals(38, RecDecoders.create("CTCConvertor", d, null).table().size());
        assertThrows(IllegalArgumentException.class, () -> RecDecoders.create("SegConvertor", d, Map.of()));
    }
}
