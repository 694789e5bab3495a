package io.ocrserve.eval.datasets;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ocr_txt} ({@code filename text} per line, split on the first space, so the text may hold spaces) and
 * {@code ocr_jsonl} ({@code {"filename": ..., "text": ...}} per line): MMOCR OCRDataset's label files.
 * Lines are stripped of surrounding whitespace, as MMOCR's parsers do; blank lines are not samples.
 */
final class OcrLabelReader {
    static final String TXT = "ocr_txt";
    static final String JSONL = "ocr_jsonl";

    private OcrLabelReader() {
    }

    static RecDataset readTxt(Path ann, Path imagesDir) {
        Files2.requireFile(TXT, ann, "a label.txt with 'filename text' lines");
        List<Skipped> skipped = new ArrayList<>();
        List<RecSample> samples = new ArrayList<>();
        List<String> lines = Files2.lines(TXT, ann);
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n).strip();
            if (line.isEmpty()) {
                continue;
            }
            RecSample s = fileAndText(line);
            if (s == null) {
                skipped.add(new Skipped("line " + (n + 1), "no text after the file name (expected 'filename text')"));
            } else {
                samples.add(s);
            }
        }
        return new RecDataset(TXT, imagesDir, samples, skipped);
    }

    static RecDataset readJsonl(Path ann, Path imagesDir) {
        Files2.requireFile(JSONL, ann, "a label.jsonl with one {\"filename\", \"text\"} object per line");
        List<Skipped> skipped = new ArrayList<>();
        List<RecSample> samples = new ArrayList<>();
        List<String> lines = Files2.lines(JSONL, ann);
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n).strip();
            if (line.isEmpty()) {
                continue;
            }
            RecSample s = fromJson(Files2.readJsonLine(JSONL, ann, n + 1, line));
            if (s == null) {
                skipped.add(new Skipped("line " + (n + 1), "needs string fields 'filename' and 'text'"));
            } else {
                samples.add(s);
            }
        }
        return new RecDataset(JSONL, imagesDir, samples, skipped);
    }

    /** {@code filename text}: null when there is no space. */
    static RecSample fileAndText(String line) {
        int sp = line.indexOf(' ');
        return sp <= 0 ? null : new RecSample(line.substring(0, sp), line.substring(sp + 1));
    }

    static RecSample fromJson(JsonNode o) {
        if (!o.path("filename").isTextual() || !o.path("text").isTextual()) {
            return null;
        }
        return new RecSample(o.get("filename").asText(), o.get("text").asText());
    }
}
