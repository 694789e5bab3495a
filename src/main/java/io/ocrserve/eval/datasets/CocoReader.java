package io.ocrserve.eval.datasets;

import com.fasterxml.jackson.databind.JsonNode;
import io.ocrserve.eval.GtInstance;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code icdar_coco}: MMOCR IcdarDataset, a COCO json with images, annotations and categories. */
final class CocoReader {
    static final String FORMAT = "icdar_coco";

    private CocoReader() {
    }

    static DetDataset read(Path ann, Path imagesDir) {
        Files2.requireFile(FORMAT, ann, "a COCO json file (e.g. instances_test.json)");
        JsonNode root = Files2.readJson(FORMAT, ann);
        JsonNode images = root.path("images");
        JsonNode anns = root.path("annotations");
        if (!images.isArray() || !anns.isArray()) {
            throw new DatasetException(FORMAT, ann, "needs top-level 'images' and 'annotations' arrays");
        }
        Set<Integer> cats = new HashSet<>();
        root.path("categories").forEach(c -> cats.add(c.path("id").asInt()));
        List<Skipped> skipped = new ArrayList<>();
        Map<Long, List<GtInstance>> byImage = new LinkedHashMap<>();
        for (JsonNode img : images) {
            byImage.put(img.path("id").asLong(), new ArrayList<>());
        }
        int i = 0;
        for (JsonNode a : anns) {
            String where = "annotation " + (a.has("id") ? "id " + a.get("id") : "#" + i);
            i++;
            List<GtInstance> target = byImage.get(a.path("image_id").asLong(Long.MIN_VALUE));
            if (target == null) {
                skipped.add(new Skipped(where, "image_id " + a.path("image_id") + " is not in 'images'"));
                continue;
            }
            GtInstance g = Annotations.coco(a, cats, where, skipped);
            if (g != null) {
                target.add(g);
            }
        }
        List<DetSample> samples = new ArrayList<>();
        for (JsonNode img : images) {
            if (!img.path("file_name").isTextual()) {
                skipped.add(new Skipped("image id " + img.path("id"), "no file_name"));
                continue;
            }
            samples.add(new DetSample(img.get("file_name").asText(), img.path("width").asInt(0),
                    img.path("height").asInt(0), byImage.get(img.path("id").asLong())));
        }
        return new DetDataset(FORMAT, imagesDir, samples, skipped);
    }
}
