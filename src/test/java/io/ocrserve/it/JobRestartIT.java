package io.ocrserve.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ocrserve.TestData;
import io.ocrserve.bench.ServerProcess;
import io.restassured.path.json.JsonPath;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Jobs survive a hard kill: after the restart every job is listed, the one that was running is failed
 * ("interrupted"), and the one that was waiting runs to the end.
 */
class JobRestartIT {

    @TempDir
    Path tmp;

    @Test
    void jobsAreKeptAcrossAHardKill() throws Exception {
        Path store = Files.createDirectories(tmp.resolve("store"));
        Files.copy(Path.of("model-store", "ppocr_rec.mar"), store.resolve("ppocr_rec.mar"));
        Map<String, String> props = Map.of("ocrserve.model-store", store.toString(), "ocrserve.snapshot.enabled", "false",
                "ocrserve.load-models", "ppocr_rec.mar", "ocrserve.jobs.dir", tmp.resolve("jobs").toString(),
                "ocrserve.jobs.data-root", Path.of("..", "shared", "data").toAbsolutePath().toString());
        Path log = tmp.resolve("server.log");
        String running;
        String queued;
        ServerProcess first = Servers.start(props, log);
        try {
            first.awaitHealthy(Duration.ofSeconds(120));
            running = given().port(first.managementPort).multiPart("dataset", "d.zip", longDataset(), "application/zip")
                    .multiPart("model", "ppocr_rec").multiPart("format", "ocr_txt").multiPart("annotations", "label.txt")
                    .multiPart("images", "imgs").post("/jobs").then().statusCode(202).extract().path("id");
            queued = given().port(first.managementPort).contentType("application/json").body(Map.of("type", "evaluate",
                    "model", "ppocr_rec", "dataset", Map.of("format", "ocr_txt", "annotations",
                            "mmocr-toy/ocr_toy_dataset/label.txt", "images", "mmocr-toy/ocr_toy_dataset/imgs")))
                    .post("/jobs").then().statusCode(202).extract().path("id");
            long deadline = System.currentTimeMillis() + 60_000;
            while (given().port(first.managementPort).get("/jobs/" + running).jsonPath().getFloat("progress") <= 0) {
                assertTrue(System.currentTimeMillis() < deadline, "the long job never made progress");
                Thread.sleep(100);
            }
            given().port(first.managementPort).get("/jobs/" + queued).then().body("state", equalTo("queued"));
            first.killHard();
        } finally {
            first.close();
        }

        try (ServerProcess second = Servers.start(props, log)) {
            second.awaitHealthy(Duration.ofSeconds(120));
            given().port(second.managementPort).get("/jobs").then().statusCode(200)
                    .body("jobs.id", hasItems(running, queued));
            given().port(second.managementPort).get("/jobs/" + running).then().body("state", equalTo("failed"))
                    .body("error", equalTo("interrupted"));
            long deadline = System.currentTimeMillis() + 120_000;
            JsonPath q;
            do {
                Thread.sleep(200);
                q = given().port(second.managementPort).get("/jobs/" + queued).jsonPath();
            } while (!q.getString("state").equals("succeeded") && !q.getString("state").equals("failed")
                    && System.currentTimeMillis() < deadline);
            assertEquals("succeeded", q.getString("state"), q.prettify());
            assertEquals(10, given().port(second.managementPort).get("/jobs/" + queued + "/artifacts/predictions.jsonl")
                    .asString().lines().count());
            assertTrue(given().port(second.managementPort).get("/jobs/" + running + "/logs").asString()
                    .contains("interrupted"));
        }
    }

    private static byte[] longDataset() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            z.putNextEntry(new ZipEntry("label.txt"));
            z.write("w.jpg GRAND\n".repeat(50_000).getBytes(StandardCharsets.UTF_8));
            z.closeEntry();
            z.putNextEntry(new ZipEntry("imgs/w.jpg"));
            z.write(TestData.bytes(TestData.toy("ocr_toy_dataset/imgs/1223731.jpg")));
            z.closeEntry();
        }
        return out.toByteArray();
    }
}
