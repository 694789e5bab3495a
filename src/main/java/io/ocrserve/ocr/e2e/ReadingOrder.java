package io.ocrserve.ocr.e2e;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * PaddleOCR's {@code sorted_boxes}: top to bottom, then left to right for boxes whose first points lie within
 * 10 px vertically. Returns the indices of the boxes in reading order.
 */
public final class ReadingOrder {
    private static final double SAME_LINE_PX = 10;

    private ReadingOrder() {}

    /** @param boxes polygons {@code [x1, y1, x2, y2, ...]} (a trailing score is ignored if the length is odd) */
    public static List<Integer> sort(List<double[]> boxes) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < boxes.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.<Integer>comparingDouble(i -> boxes.get(i)[1]).thenComparingDouble(i -> boxes.get(i)[0]));
        for (int i = 0; i < order.size() - 1; i++) {
            for (int j = i; j >= 0; j--) {
                double[] a = boxes.get(order.get(j));
                double[] b = boxes.get(order.get(j + 1));
                if (Math.abs(b[1] - a[1]) < SAME_LINE_PX && b[0] < a[0]) {
                    Integer t = order.get(j);
                    order.set(j, order.get(j + 1));
                    order.set(j + 1, t);
                } else {
                    break;
                }
            }
        }
        return order;
    }
}
