package io.ocrserve.api;

import java.util.List;
import java.util.Locale;

/** Counting read words the way the acceptance checks do: case and symbols ignored, words in reading order. */
final class WordMatch {
    private WordMatch() {}

    static String normalize(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }

    /**
     * How many of {@code expected} appear, in order, in the concatenation of the recognized texts (the
     * recognizer often drops the spaces between the words of a line).
     */
    static int countInOrder(List<String> expected, List<String> texts) {
        String all = normalize(String.join(" ", texts));
        int pos = 0;
        int found = 0;
        for (String word : expected) {
            int at = all.indexOf(normalize(word), pos);
            if (at >= 0) {
                found++;
                pos = at + normalize(word).length();
            }
        }
        return found;
    }
}
