package io.ocrserve.eval.datasets;

import com.fasterxml.jackson.databind.JsonNode;
import io.ocrserve.eval.GtInstance;

import java.util.List;
import java.util.Set;

/** COCO-style annotation objects ({@code bbox}, {@code segmentation}, {@code iscrowd}) to {@link GtInstance}. */
final class Annotations {
    private Annotations() {
    }

    /**
     * IcdarDataset rules: skip {@code ignore}, area &lt;= 0, w &lt; 1, h &lt; 1 and unknown categories; then
     * {@code iscrowd} marks a don't-care instance. Returns null (and records why) for a skipped annotation.
     */
    static GtInstance coco(JsonNode ann, Set<Integer> categoryIds, String where, List<Skipped> skipped) {
        if (ann.path("ignore").asBoolean(false)) {
            skipped.add(new Skipped(where, "marked ignore"));
            return null;
        }
        JsonNode bbox = ann.path("bbox");
        if (!bbox.isArray() || bbox.size() != 4) {
            skipped.add(new Skipped(where, "bbox missing or not [x, y, w, h]"));
            return null;
        }
        double w = bbox.get(2).asDouble();
        double h = bbox.get(3).asDouble();
        double[] poly = polygon(ann, where, skipped);
        if (poly == null) {
            return null;
        }
        // MMOCR requires 'area'; when a file lacks it we fall back to the bbox area
        double area = ann.has("area") ? ann.get("area").asDouble() : w * h;
        if (area <= 0 || w < 1 || h < 1) {
            skipped.add(new Skipped(where, "degenerate box (area " + area + ", w " + w + ", h " + h + ")"));
            return null;
        }
        if (!categoryIds.isEmpty() && !categoryIds.contains(ann.path("category_id").asInt(-1))) {
            skipped.add(new Skipped(where, "category_id " + ann.path("category_id") + " not in categories"));
            return null;
        }
        return new GtInstance(poly, ann.path("iscrowd").asBoolean(false), text(ann));
    }

    /** TextDetDataset: no skipping rules in MMOCR; only unusable geometry is left out. */
    static GtInstance textDet(JsonNode ann, String where, List<Skipped> skipped) {
        double[] poly = polygon(ann, where, skipped);
        return poly == null ? null : new GtInstance(poly, ann.path("iscrowd").asBoolean(false), text(ann));
    }

    /** The first polygon of {@code segmentation}; MMOCR's evaluation needs >= 4 points (8 numbers). */
    private static double[] polygon(JsonNode ann, String where, List<Skipped> skipped) {
        JsonNode seg = ann.path("segmentation");
        if (!seg.isArray() || seg.isEmpty() || !seg.get(0).isArray()) {
            skipped.add(new Skipped(where, "no segmentation polygon"));
            return null;
        }
        JsonNode first = seg.get(0);
        if (first.size() < 8 || first.size() % 2 != 0) {
            skipped.add(new Skipped(where, "segmentation needs an even number (>= 8) of coordinates, got "
                    + first.size()));
            return null;
        }
        double[] p = new double[first.size()];
        for (int i = 0; i < p.length; i++) {
            if (!first.get(i).isNumber()) {
                skipped.add(new Skipped(where, "segmentation has a non-number: " + first.get(i)));
                return null;
            }
            p[i] = first.get(i).asDouble();
        }
        return p;
    }

    private static String text(JsonNode ann) {
        JsonNode t = ann.get("text");
        return t != null && t.isTextual() ? t.asText() : null;
    }
}
