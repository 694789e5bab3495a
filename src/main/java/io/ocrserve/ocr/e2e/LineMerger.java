package io.ocrserve.ocr.e2e;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * MMOCR box_util.stitch_boxes_into_lines: words sorted by min x; each unused word starts a line that grows to
 * the right with every later word on the same line as the line's current rightmost word; a line is split
 * where the x gap between neighbours exceeds {@code maxXDist}; each piece becomes one entry, texts joined by a
 * space, box = axis-aligned bounds as 8 values (x_min, y_min, x_max, y_min, x_max, y_max, x_min, y_max).
 */
public final class LineMerger {
    /** ocr.py {@code merge=True}: merge_xdist 20, min_y_overlap_ratio 0.5. */
    public static final double OCR_PY_MAX_X_DIST = 20;
    public static final double OCR_PY_MIN_Y_OVERLAP = 0.5;

    private LineMerger() {
    }

    public static List<OcrWord> merge(List<OcrWord> words) {
        return merge(words, OCR_PY_MAX_X_DIST, OCR_PY_MIN_Y_OVERLAP);
    }

    /** With at most one word the input is returned unchanged (scores kept), as MMOCR does. */
    public static List<OcrWord> merge(List<OcrWord> words, double maxXDist, double minYOverlapRatio) {
        if (words.size() <= 1) {
            return List.copyOf(words);
        }
        List<OcrWord> sorted = new ArrayList<>(words);
        sorted.sort(Comparator.comparingDouble(w -> min(w.box(), 0))); // stable, like Python's sorted
        Set<Integer> used = new HashSet<>();
        List<OcrWord> merged = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            if (used.contains(i)) {
                continue;
            }
            int rightmost = i;
            List<Integer> line = new ArrayList<>();
            line.add(i);
            for (int j = i + 1; j < sorted.size(); j++) {
                if (used.contains(j)) {
                    continue;
                }
                if (onSameLine(sorted.get(rightmost).box(), sorted.get(j).box(), minYOverlapRatio)) {
                    line.add(j);
                    used.add(j);
                    rightmost = j;
                }
            }
            List<List<Integer>> pieces = new ArrayList<>();
            pieces.add(new ArrayList<>(List.of(line.get(0))));
            for (int k = 1; k < line.size(); k++) {
                double dist = min(sorted.get(line.get(k)).box(), 0) - max(sorted.get(line.get(k - 1)).box(), 0);
                if (dist > maxXDist) {
                    pieces.add(new ArrayList<>());
                }
                pieces.get(pieces.size() - 1).add(line.get(k));
            }
            for (List<Integer> piece : pieces) {
                merged.add(join(sorted, piece));
            }
        }
        return merged;
    }

    private static OcrWord join(List<OcrWord> sorted, List<Integer> piece) {
        List<String> texts = new ArrayList<>(piece.size());
        double xMin = Double.POSITIVE_INFINITY;
        double yMin = Double.POSITIVE_INFINITY;
        double xMax = Double.NEGATIVE_INFINITY;
        double yMax = Double.NEGATIVE_INFINITY;
        for (int idx : piece) {
            OcrWord w = sorted.get(idx);
            texts.add(w.text());
            xMin = Math.min(xMin, min(w.box(), 0));
            xMax = Math.max(xMax, max(w.box(), 0));
            yMin = Math.min(yMin, min(w.box(), 1));
            yMax = Math.max(yMax, max(w.box(), 1));
        }
        double[] box = {xMin, yMin, xMax, yMin, xMax, yMax, xMin, yMax};
        return new OcrWord(box, Double.NaN, String.join(" ", texts), Double.NaN);
    }

    /**
     * is_on_same_line: the boxes overlap vertically and the overlap is at least the ratio times the height of
     * either box.
     */
    static boolean onSameLine(double[] a, double[] b, double minYOverlapRatio) {
        double aMin = min(a, 1);
        double aMax = max(a, 1);
        double bMin = min(b, 1);
        double bMax = max(b, 1);
        if (aMin > bMin) { // make a the upper box
            double t = aMin;
            aMin = bMin;
            bMin = t;
            t = aMax;
            aMax = bMax;
            bMax = t;
        }
        if (bMin > aMax) {
            return false;
        }
        // sorted([b_min, b_max, a_max]): b_min is the smallest, the middle is min(b_max, a_max)
        double overlap = Math.min(bMax, aMax) - bMin;
        return overlap >= (aMax - aMin) * minYOverlapRatio || overlap >= (bMax - bMin) * minYOverlapRatio;
    }

    private static double min(double[] box, int start) {
        double m = Double.POSITIVE_INFINITY;
        for (int i = start; i < box.length; i += 2) {
            m = Math.min(m, box[i]);
        }
        return m;
    }

    private static double max(double[] box, int start) {
        double m = Double.NEGATIVE_INFINITY;
        for (int i = start; i < box.length; i += 2) {
            m = Math.max(m, box[i]);
        }
        return m;
    }
}
