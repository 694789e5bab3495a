package io.ocrserve.eval.metrics;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Python's {@code difflib.SequenceMatcher(None, a, b).get_matching_blocks()} over Unicode code points
 * (Python strings are code-point sequences). isjunk is None, so there is no junk set; autojunk is on by
 * default: when len(b) &gt;= 200, every element occurring more than len(b) // 100 + 1 times in b is
 * "popular" and removed from the index, so it can only be matched by extending a match of other elements.
 */
public final class Difflib {
    /** A matching block: a[a .. a+size) == b[b .. b+size). The list ends with (len(a), len(b), 0). */
    public record Match(int a, int b, int size) {
    }

    private final int[] a;
    private final int[] b;
    private final Map<Integer, int[]> b2j = new HashMap<>();

    private Difflib(int[] a, int[] b, boolean autojunk) {
        this.a = a;
        this.b = b;
        Map<Integer, List<Integer>> idx = new HashMap<>();
        for (int j = 0; j < b.length; j++) {
            idx.computeIfAbsent(b[j], k -> new ArrayList<>()).add(j);
        }
        int ntest = b.length / 100 + 1;
        for (Map.Entry<Integer, List<Integer>> e : idx.entrySet()) {
            if (autojunk && b.length >= 200 && e.getValue().size() > ntest) {
                continue; // popular
            }
            b2j.put(e.getKey(), e.getValue().stream().mapToInt(Integer::intValue).toArray());
        }
    }

    public static List<Match> matchingBlocks(String a, String b) {
        return matchingBlocks(a.codePoints().toArray(), b.codePoints().toArray(), true);
    }

    public static List<Match> matchingBlocks(int[] a, int[] b, boolean autojunk) {
        return new Difflib(a, b, autojunk).matchingBlocks();
    }

    /** Sum of the matching block sizes (= the lengths of the 'equal' opcodes). */
    public static int matchedLength(String a, String b) {
        int n = 0;
        for (Match m : matchingBlocks(a, b)) {
            n += m.size();
        }
        return n;
    }

    private List<Match> matchingBlocks() {
        List<Match> blocks = new ArrayList<>();
        Deque<int[]> queue = new ArrayDeque<>();
        queue.push(new int[] {0, a.length, 0, b.length});
        while (!queue.isEmpty()) {
            int[] q = queue.pop(); // Python pops from the end: a stack
            int alo = q[0];
            int ahi = q[1];
            int blo = q[2];
            int bhi = q[3];
            Match x = findLongestMatch(alo, ahi, blo, bhi);
            int i = x.a();
            int j = x.b();
            int k = x.size();
            if (k > 0) {
                blocks.add(x);
                if (alo < i && blo < j) {
                    queue.push(new int[] {alo, i, blo, j});
                }
                if (i + k < ahi && j + k < bhi) {
                    queue.push(new int[] {i + k, ahi, j + k, bhi});
                }
            }
        }
        blocks.sort(Comparator.comparingInt(Match::a).thenComparingInt(Match::b).thenComparingInt(Match::size));
        List<Match> out = new ArrayList<>();
        int i1 = 0;
        int j1 = 0;
        int k1 = 0;
        for (Match m : blocks) {
            if (i1 + k1 == m.a() && j1 + k1 == m.b()) {
                k1 += m.size();
            } else {
                if (k1 > 0) {
                    out.add(new Match(i1, j1, k1));
                }
                i1 = m.a();
                j1 = m.b();
                k1 = m.size();
            }
        }
        if (k1 > 0) {
            out.add(new Match(i1, j1, k1));
        }
        out.add(new Match(a.length, b.length, 0));
        return out;
    }

    /** {@code find_longest_match}; with no junk set only the non-junk extension loops can fire. */
    Match findLongestMatch(int alo, int ahi, int blo, int bhi) {
        int besti = alo;
        int bestj = blo;
        int bestsize = 0;
        Map<Integer, Integer> j2len = new HashMap<>();
        for (int i = alo; i < ahi; i++) {
            Map<Integer, Integer> newj2len = new HashMap<>();
            int[] js = b2j.get(a[i]);
            if (js != null) {
                for (int j : js) {
                    if (j < blo) {
                        continue;
                    }
                    if (j >= bhi) {
                        break;
                    }
                    int k = j2len.getOrDefault(j - 1, 0) + 1;
                    newj2len.put(j, k);
                    if (k > bestsize) {
                        besti = i - k + 1;
                        bestj = j - k + 1;
                        bestsize = k;
                    }
                }
            }
            j2len = newj2len;
        }
        // extend over elements left out of b2j (the popular ones): they still compare equal
        while (besti > alo && bestj > blo && a[besti - 1] == b[bestj - 1]) {
            besti--;
            bestj--;
            bestsize++;
        }
        while (besti + bestsize < ahi && bestj + bestsize < bhi && a[besti + bestsize] == b[bestj + bestsize]) {
            bestsize++;
        }
        return new Match(besti, bestj, bestsize);
    }
}
