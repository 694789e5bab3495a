package io.ocrserve.eval.datasets;

import com.fasterxml.jackson.databind.JsonNode;
import io.ocrserve.eval.GtInstance;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@code textdet_jsonl}: MMOCR TextDetDataset, one {@code {"file_name", "height", "width", "annotations"}} per line. */
final class TextDetJsonlReader {
    static final String FORMAT = "textdet_jsonl";

    private TextDetJsonlReader() {
    }

    static DetDataset read(Path ann, Path imagesDir) {
        Files2.requireFile(FORMAT, ann, "a text file with one JSON object per line (e.g. instances_test.txt)");
        List<String> lines = Files2.lines(FORMAT, ann);
        List<Skipped> skipped = new ArrayList<>();
        List<DetSample> samples = new ArrayList<>();
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n).strip();
            if (line.isEmpty()) {
                continue;
            }
            JsonNode img = Files2.readJsonLine(FORMAT, ann, n + 1, line);
            String where = "line " + (n + 1);
            if (!img.path("file_name").isTextual()) {
                skipped.add(new Skipped(where, "no file_name"));
                continue;
            }
            List<GtInstance> inst = new ArrayList<>();
            int k = 0;
            for (JsonNode a : img.path("annotations")) {
                GtInstance g = Annotations.textDet(a, where + " annotation #" + k++, skipped);
                if (g != null) {
                    inst.add(g);
                }
            }
            samples.add(new DetSample(img.get("file_name").asText(), img.path("width").asInt(0),
                    img.path("height").asInt(0), inst));
        }
        return new DetDataset(FORMAT, imagesDir, samples, skipped);
    }
}
