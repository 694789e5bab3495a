package io.ocrserve.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ocrserve ocr} against a real (in-test) HTTP server that answers like the inference API. */
class OcrCommandTest {
    @TempDir
    Path dir;
    FakeOcrServer server;

    @BeforeEach
    void start() throws IOException {
        server = new FakeOcrServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private Path image(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        return Files.writeString(p, content);
    }

    private static List<JsonNode> lines(String jsonl) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        for (String line : jsonl.strip().split("\n")) {
            out.add(ApiClient.JSON.readTree(line));
        }
        return out;
    }

    @Test
    void oneImageSucceeds() throws IOException {
        Path img = image("hello.png", "HELLO");
        CliRun run = CliRun.of("ocr", "--url", server.url(), img.toString());

        assertEquals(0, run.code(), run.toString());
        List<JsonNode> lines = lines(run.out());
        assertEquals(1, lines.size());
        assertEquals(img.toString(), lines.get(0).get("file").asText());
        assertEquals("HELLO", lines.get(0).get("result").get("rec_texts").get(0).asText());
        assertEquals("", run.err(), "no progress bar for a single image");

        FakeOcrServer.Seen req = server.seen.get(0);
        assertEquals("PUT", req.method(), "a raw body, like curl -T");
        assertEquals("/predictions/ocr", req.path());
        assertNull(req.query());
        assertNull(req.authorization());
        assertEquals("HELLO", req.body());
    }

    @Test
    void folderWithOneBadImageReportsItContinuesAndExits1() throws IOException {
        image("in/a.png", "AAA");
        image("in/b.jpg", "bad bytes");
        image("in/sub/c.jpeg", "CCC");
        image("in/notes.txt", "not an image: skipped");
        CliRun run = CliRun.of("ocr", "--url", server.url(), dir.resolve("in").toString());

        assertEquals(1, run.code(), run.toString());
        List<JsonNode> lines = lines(run.out());
        assertEquals(3, lines.size(), run.out());
        assertTrue(lines.get(0).get("file").asText().endsWith("a.png"));
        assertEquals("AAA", lines.get(0).get("result").get("rec_texts").get(0).asText());
        JsonNode error = lines.get(1).get("error");
        assertEquals(400, error.get("code").asInt());
        assertTrue(error.get("message").asText().startsWith("input 0 is not an image"));
        assertEquals("CCC", lines.get(2).get("result").get("rec_texts").get(0).asText(), "went on after the error");

        assertTrue(run.err().contains("b.jpg: HTTP 400: input 0 is not an image"), run.err());
        assertTrue(run.err().contains("] 3/3 images"), "progress bar: " + run.err());
        assertTrue(run.err().contains("1 of 3 images failed"), run.err());
        assertEquals(3, server.seen.size());
    }

    @Test
    void optionsBecomeQueryParametersAndBearerToken() throws IOException {
        Path img = image("x.png", "X");
        Path out = dir.resolve("results/out.jsonl");
        CliRun run = CliRun.of("ocr", "--url", server.url() + "/", "--token", "s3cret", "--details", "--merge",
                "--out", out.toString(), img.toString(), img.toString());

        assertEquals(0, run.code(), run.toString());
        assertEquals("", run.out(), "results went to --out");
        assertEquals(2, lines(Files.readString(out)).size());
        FakeOcrServer.Seen req = server.seen.get(0);
        assertEquals("details=true&merge=true", req.query());
        assertEquals("Bearer s3cret", req.authorization());
    }

    @Test
    void unknownModelIsAFailureWithTheServersMessage() throws IOException {
        Path img = image("x.png", "X");
        CliRun run = CliRun.of("ocr", "--url", server.url(), "--model", "nope", "--model-version", "2.0", img.toString());

        assertEquals(1, run.code(), run.toString());
        assertEquals("/predictions/nope/2.0", server.seen.get(0).path());
        assertTrue(run.err().contains("HTTP 404: Model not found: nope/2.0"), run.err());
        assertEquals(404, lines(run.out()).get(0).get("error").get("code").asInt());
    }

    @Test
    void unreachableServerStopsAtOnce() throws IOException {
        Path a = image("a.png", "A");
        Path b = image("b.png", "B");
        String url = server.url();
        server.close();
        CliRun run = CliRun.of("ocr", "--url", url, a.toString(), b.toString());

        assertEquals(1, run.code(), run.toString());
        assertTrue(run.err().contains("cannot connect to " + url), run.err());
        assertFalse(run.err().contains("b.png"), "did not try every file: " + run.err());
    }
}
