package io.ocrserve.eval.metrics;

/** Unit-cost edit distance over code points ({@code rapidfuzz.string_metric.levenshtein}). */
public final class Levenshtein {
    private Levenshtein() {
    }

    public static int distance(String s, String t) {
        int[] a = s.codePoints().toArray();
        int[] b = t.codePoints().toArray();
        int[] prev = new int[b.length + 1];
        int[] cur = new int[b.length + 1];
        for (int j = 0; j <= b.length; j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length; i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length; j++) {
                int sub = prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j], cur[j - 1]) + 1);
            }
            int[] tmp = prev;
            prev = cur;
            cur = tmp;
        }
        return prev[b.length];
    }

    /** distance / max(1, len(s), len(t)) in code points: 0 when both are empty. */
    public static double normalized(String s, String t) {
        int n = Math.max(1, Math.max(s.codePointCount(0, s.length()), t.codePointCount(0, t.length())));
        return (double) distance(s, t) / n;
    }
}
