package io.ocrserve.eval.metrics;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RecogMetricsTest {
    @Test
    void allSixMetricsByHand() {
        // pair           exact lower strip  lev/max  gt pred tp
        // Hello/Hello      1     1     1     0/5      5    5   5
        // w0rld!/World     0     0     0     1/5      5    5   4  (w + rld)
        // ""/""            1     1     1     0/1      0    0   0
        // ABC/abd          0     0     0     1/3      3    3   2  (ab)
        // abc/a-b-c        0     0     1     0/3      3    3   3
        Map<String, Double> m = RecogMetrics.evaluate(List.of("Hello", "w0rld!", "", "ABC", "abc"),
                List.of("Hello", "World", "", "abd", "a-b-c"));
        assertEquals(List.of("char_recall", "char_precision", "word_acc", "word_acc_ignore_case",
                "word_acc_ignore_case_symbol", "1-N.E.D"), List.copyOf(m.keySet()));
        assertEquals(0.875, m.get("char_recall"));       // 14 / 16
        assertEquals(0.875, m.get("char_precision"));    // 14 / 16
        assertEquals(0.4, m.get("word_acc"));             // 2 / 5
        assertEquals(0.4, m.get("word_acc_ignore_case")); // 2 / 5
        assertEquals(0.6, m.get("word_acc_ignore_case_symbol")); // 3 / 5
        assertEquals(0.8933, m.get("1-N.E.D"));           // 1 - (0.2 + 1/3) / 5
    }

    @Test
    void caseOnlyAndSymbolsAndCaret() {
        Map<String, Double> m = RecogMetrics.evaluate(List.of("HELLO", "a^b"), List.of("hello", "a^b!"));
        assertEquals(0.0, m.get("word_acc"));
        assertEquals(0.5, m.get("word_acc_ignore_case"));
        assertEquals(1.0, m.get("word_acc_ignore_case_symbol")); // '^' survives the stripping
        assertEquals("a^b", RecogMetrics.normalize("A^b!"));
        assertEquals("中文ab", RecogMetrics.normalize("中文 A-B"));
    }

    @Test
    void emptyStringsAndEmptyDataset() {
        // pred "" vs gt "abc": distance 3 / 3; no predicted chars -> precision 0 / (0 + 1e-8) = 0
        Map<String, Double> m = RecogMetrics.evaluate(List.of(""), List.of("abc"));
        assertEquals(0.0, m.get("1-N.E.D"));
        assertEquals(0.0, m.get("char_precision"));
        assertEquals(0.0, m.get("char_recall"));
        Map<String, Double> none = RecogMetrics.evaluate(List.of(), List.of());
        assertEquals(0.0, none.get("word_acc"));
        assertEquals(1.0, none.get("1-N.E.D"));
        assertThrows(IllegalArgumentException.class, () -> RecogMetrics.evaluate(List.of("a"), List.of()));
    }

    @Test
    void autojunkChangesCharMetricsForLongGt() {
        // gt = 199 'a' + 'x' (200 long): 'a' is popular (199 > 200 // 100 + 1) and leaves the index, so
        // SequenceMatcher(None, 'x' + 10 'a', gt) finds only the 'x': tp 1, not 10
        String gt = "a".repeat(199) + "x";
        String pred = "x" + "a".repeat(10);
        Map<String, Double> m = RecogMetrics.evaluate(List.of(pred), List.of(gt));
        assertEquals(0.005, m.get("char_recall"));      // 1 / 200
        assertEquals(0.0909, m.get("char_precision"));  // 1 / 11
        assertEquals(0.05, m.get("1-N.E.D"));           // lev = 190 -> 1 - 190 / 200
    }

    @Test
    void levenshtein() {
        assertEquals(0, Levenshtein.distance("", ""));
        assertEquals(0.0, Levenshtein.normalized("", ""));
        assertEquals(3, Levenshtein.distance("kitten", "sitting"));
        assertEquals(3.0 / 7, Levenshtein.normalized("kitten", "sitting"));
        assertEquals(1.0, Levenshtein.normalized("", "ab"));
        assertEquals(1, Levenshtein.distance("a😀", "a")); // code points, not UTF-16 units
    }

    @Test
    void roundingIsHalfEvenOnTheExactBinaryValue() {
        assertEquals(0.6667, Rounding.round4(2.0 / 3));
        assertEquals(0.1235, Rounding.round4(0.12345)); // 0.12345 is stored as 0.123450000000000004...
        assertEquals(0.1234, Rounding.round4(0.12344999));
        assertEquals(1.0, Rounding.round4(0.99999));
    }
}
