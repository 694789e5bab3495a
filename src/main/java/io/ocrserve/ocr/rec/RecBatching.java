package io.ocrserve.ocr.rec;

import io.ocrserve.ocr.image.Image;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/** Groups crops of similar shape into batches (PaddleOCR sorts by w/h) and puts results back in order. */
public final class RecBatching {
    private RecBatching() {
    }

    /** Original indices, sorted by width/height ascending (stable), in chunks of {@code batchSize}. */
    public static List<int[]> groupByAspectRatio(List<Image> crops, int batchSize) {
        double[] ratios = new double[crops.size()];
        for (int i = 0; i < ratios.length; i++) {
            ratios[i] = crops.get(i).width() / (double) crops.get(i).height();
        }
        return groupByAspectRatio(ratios, batchSize);
    }

    public static List<int[]> groupByAspectRatio(double[] ratios, int batchSize) {
        if (batchSize <= 0) {
            throw new IllegalArgumentException("batch size must be positive");
        }
        Integer[] order = new Integer[ratios.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> ratios[i]));
        List<int[]> groups = new ArrayList<>();
        for (int start = 0; start < order.length; start += batchSize) {
            int end = Math.min(order.length, start + batchSize);
            int[] g = new int[end - start];
            for (int k = start; k < end; k++) {
                g[k - start] = order[k];
            }
            groups.add(g);
        }
        return groups;
    }

    /** The per-group results laid back at their original indices. */
    public static <T> List<T> restoreOrder(int count, List<int[]> groups, List<List<T>> groupResults) {
        if (groups.size() != groupResults.size()) {
            throw new IllegalArgumentException(groups.size() + " groups, " + groupResults.size() + " results");
        }
        List<T> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(null);
        }
        for (int g = 0; g < groups.size(); g++) {
            int[] idx = groups.get(g);
            List<T> res = groupResults.get(g);
            if (idx.length != res.size()) {
                throw new IllegalArgumentException("group " + g + " has " + idx.length + " items, "
                        + res.size() + " results");
            }
            for (int k = 0; k < idx.length; k++) {
                out.set(idx[k], res.get(k));
            }
        }
        return out;
    }
}
