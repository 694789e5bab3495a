package io.ocrserve.eval.datasets;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/** File and JSON reading that turns low-level failures into actionable {@link DatasetException}s. */
final class Files2 {
    static final ObjectMapper JSON = new ObjectMapper();

    private Files2() {
    }

    static void requireFile(String format, Path p, String expected) {
        if (p == null) {
            throw new DatasetException(format, null, "no annotation path given; expected " + expected);
        }
        if (!Files.exists(p)) {
            throw new DatasetException(format, p, "not found; expected " + expected);
        }
        if (Files.isDirectory(p)) {
            throw new DatasetException(format, p, "is a directory; expected " + expected);
        }
    }

    /** UTF-8 lines (a leading BOM removed, as Python's utf-8-sig does). */
    static List<String> lines(String format, Path p) {
        try {
            String s = Files.readString(p, StandardCharsets.UTF_8);
            if (s.startsWith("\uFEFF")) {
                s = s.substring(1);
            }
            return s.lines().toList();
        } catch (CharacterCodingException e) {
            throw new DatasetException(format, p, "is not valid UTF-8 text; re-save it as UTF-8", e);
        } catch (NoSuchFileException e) {
            throw new DatasetException(format, p, "not found", e);
        } catch (IOException e) {
            throw new DatasetException(format, p, "cannot be read: " + e.getMessage(), e);
        }
    }

    static JsonNode readJson(String format, Path p) {
        try {
            return JSON.readTree(p.toFile());
        } catch (JsonProcessingException e) {
            throw new DatasetException(format, p, "is not valid JSON " + where(e.getLocation())
                    + " (" + e.getOriginalMessage() + "); the file may be truncated or not JSON", e);
        } catch (IOException e) {
            throw new DatasetException(format, p, "cannot be read: " + e.getMessage(), e);
        }
    }

    static JsonNode readJsonLine(String format, Path p, int lineNo, String line) {
        try {
            return JSON.readTree(line);
        } catch (JsonProcessingException e) {
            throw new DatasetException(format, p, "line " + lineNo + " is not valid JSON (" + e.getOriginalMessage()
                    + "); each line must be one JSON object, the file may be truncated", e);
        }
    }

    private static String where(JsonLocation loc) {
        return loc == null ? "" : "at line " + loc.getLineNr() + ", column " + loc.getColumnNr();
    }
}
