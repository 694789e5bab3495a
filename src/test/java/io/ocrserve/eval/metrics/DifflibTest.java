package io.ocrserve.eval.metrics;

import io.ocrserve.eval.metrics.Difflib.Match;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Expected blocks are those of CPython's difflib (the first two are examples from its documentation). */
class DifflibTest {
    @Test
    void documentationExamples() {
        assertEquals(List.of(new Match(0, 0, 2), new Match(3, 2, 2), new Match(5, 4, 0)),
                Difflib.matchingBlocks("abxcd", "abcd"));
        int[] a = " abcd".codePoints().toArray();
        int[] b = "abcd abcd".codePoints().toArray();
        assertEquals(new Match(0, 4, 5), Difflib.matchingBlocks(a, b, true).get(0));
    }

    @Test
    void earliestLongestMatchThenRecursion() {
        // longest is "rld" (a 2, b 2); the left part "w0" / "wo" gives "w"
        assertEquals(List.of(new Match(0, 0, 1), new Match(2, 2, 3), new Match(5, 5, 0)),
                Difflib.matchingBlocks("w0rld", "world"));
        assertEquals(List.of(new Match(0, 0, 0)), Difflib.matchingBlocks("", ""));
        assertEquals(List.of(new Match(3, 0, 0)), Difflib.matchingBlocks("abc", ""));
    }

    @Test
    void autojunkDropsPopularElementsOfLongB() {
        int[] a = ("x" + "a".repeat(10)).codePoints().toArray();
        int[] b = ("a".repeat(199) + "x").codePoints().toArray();
        // with autojunk only 'x' is indexed: one block of 1
        assertEquals(List.of(new Match(0, 199, 1), new Match(11, 200, 0)), Difflib.matchingBlocks(a, b, true));
        // without it the ten 'a's win
        assertEquals(List.of(new Match(1, 0, 10), new Match(11, 200, 0)), Difflib.matchingBlocks(a, b, false));
        // b of 199 is below the threshold: autojunk has no effect
        int[] b199 = ("a".repeat(198) + "x").codePoints().toArray();
        assertEquals(List.of(new Match(1, 0, 10), new Match(11, 199, 0)), Difflib.matchingBlocks(a, b199, true));
    }

    @Test
    void popularElementsAreStillReachedByExtension() {
        // 'a' is popular in b, but the match on 'b' extends over the following 'a'
        assertEquals(List.of(new Match(0, 0, 2), new Match(2, 200, 0)),
                Difflib.matchingBlocks("ba", "b" + "a".repeat(199)));
        // nothing indexed at all: the empty match at (0, 0) still extends over equal elements
        assertEquals(List.of(new Match(0, 0, 200), new Match(200, 200, 0)),
                Difflib.matchingBlocks("a".repeat(200), "a".repeat(200)));
    }
}
