package io.ocrserve.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ocrserve.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Bad job requests (each a clear 4xx or a failed job with a readable error), uploads, and cancellation. */
@QuarkusTest
class JobRequestsTest {

    @BeforeEach
    void ready() {
        Ready.await();
    }

    private static RequestSpecification mgmt() {
        return given().port(Ports.MANAGEMENT);
    }

    private static void refused(Object body, int status, String message) {
        Jobs.post(body).then().statusCode(status).body("code", equalTo(status)).body("message", containsString(message));
    }

    @Test
    void badRequestsAreClear4xx() {
        String labels = Jobs.TOY + "ocr_toy_dataset/label.txt";
        String imgs = Jobs.TOY + "ocr_toy_dataset/imgs";
        refused(Jobs.evaluate("no_such_model", "ocr_txt", labels, imgs, null), 404, "no_such_model");
        refused(Jobs.evaluate("ppocr_rec/9.9", "ocr_txt", labels, imgs, null), 404, "9.9");
        refused(Jobs.evaluate("ppocr_rec", "pascal_voc", labels, imgs, null), 400, "unknown dataset format 'pascal_voc'");
        refused(Jobs.evaluate("ppocr_rec", "ocr_txt", "../../etc/passwd", imgs, null), 400, "outside the data root");
        refused(Jobs.evaluate("ppocr_rec", "ocr_txt", "/etc/passwd", imgs, null), 400, "outside the data root");
        refused(Jobs.evaluate("ppocr_rec", "ocr_txt", labels, "mmocr-toy/../../../tmp", null), 400, "outside the data root");
        refused(Jobs.evaluate("ppocr_rec", "ocr_txt", Jobs.TOY + "nope.txt", imgs, null), 400, "does not exist");
        refused(Jobs.evaluate("ppocr_rec", "icdar_coco", labels, imgs, null), 400, "recognition format");
        refused(Jobs.evaluate("ppocr_det", "ocr_txt", labels, imgs, null), 400, "detection format");
        refused(Jobs.evaluate("ppocr_cls", "ocr_txt", labels, imgs, null), 400, "textcls");
        refused(Jobs.evaluate("ppocr_rec", "ocr_txt", labels, imgs, List.of("hmean-iou")), 400, "unknown metric 'hmean-iou'");
        Map<String, Object> typo = Jobs.evaluate("ppocr_rec", "ocr_txt", labels, imgs, null);
        typo.put("type", "train");
        refused(typo, 400, "unknown job type 'train'");
        Map<String, Object> badOption = Jobs.evaluate("ppocr_det", "icdar_coco", Jobs.TOY + "toy_dataset/instances_test.json",
                Jobs.TOY + "toy_dataset/imgs", null);
        badOption.put("options", Map.of("min_score_thr", 2));
        refused(badOption, 400, "min_score_thr");
        badOption.put("options", Map.of("nms", 1));
        refused(badOption, 400, "unknown option 'nms'");
        Map<String, Object> noDataset = new LinkedHashMap<>(Map.of("type", "evaluate", "model", "ppocr_rec"));
        refused(noDataset, 400, "'dataset' is required");
        refused(Map.of("type", "evaluate", "model", "ppocr_rec", "datset", Map.of()), 400, "datset");
        mgmt().contentType("application/json").body("{not json").post("/jobs").then().statusCode(400)
                .body("type", equalTo("BadRequestException"));
        mgmt().post("/jobs").then().statusCode(400);
        mgmt().get("/jobs/does-not-exist").then().statusCode(404).body("type", equalTo("JobNotFoundException"));
        mgmt().delete("/jobs/does-not-exist").then().statusCode(404);
        mgmt().get("/jobs/does-not-exist/logs").then().statusCode(404);
    }

    @Test
    void uploadedZipIsEvaluatedLikeTheSameFilesOnTheServer() throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("set/label.txt", TestData.bytes(TestData.toy("ocr_toy_dataset/label.txt")));
        for (String line : new String(files.get("set/label.txt"), StandardCharsets.UTF_8).lines().toList()) {
            String name = line.split(" ", 2)[0];
            files.put("set/imgs/" + name, TestData.bytes(TestData.toy("ocr_toy_dataset/imgs/" + name)));
        }
        String uploaded = upload(zip(files), "ppocr_rec", "ocr_txt", "set/label.txt", "set/imgs").then().statusCode(202)
                .body("request.dataset.uploaded", equalTo(true)).extract().jsonPath().getString("id");
        String onServer = Jobs.submit(Jobs.evaluate("ppocr_rec", "ocr_txt", Jobs.TOY + "ocr_toy_dataset/label.txt",
                Jobs.TOY + "ocr_toy_dataset/imgs", null));
        JsonPath a = Jobs.await(uploaded);
        JsonPath b = Jobs.await(onServer);
        assertEquals("succeeded", a.getString("state"), a.prettify());
        assertEquals(b.getMap("metrics"), a.getMap("metrics"));
        // a zip entry escaping its folder, a non-zip, paths outside the zip
        upload(zip(Map.of("../evil.txt", new byte[] {1})), "ppocr_rec", "ocr_txt", "evil.txt", ".").then()
                .statusCode(400);
        upload("not a zip".getBytes(StandardCharsets.UTF_8), "ppocr_rec", "ocr_txt", "label.txt", ".").then()
                .statusCode(400).body("message", containsString("zip"));
        upload(zip(files), "ppocr_rec", "ocr_txt", "../../label.txt", "set/imgs").then().statusCode(400)
                .body("message", containsString("outside the data root"));
    }

    @Test
    void corruptDatasetsFailTheJobWithAReadableError() throws IOException {
        String[][] cases = {
            {"ppocr_rec", "ocr_jsonl", "label.jsonl", "{\"filename\": \"a.jpg\", \"text\": \n", "label.jsonl"},
            {"ppocr_det", "icdar_coco", "instances.json", "{\"images\": [", "instances.json"},
            {"ppocr_rec", "ocr_txt", "label.txt", "missing.jpg WORD\n", "missing.jpg"},
            {"ppocr_rec", "ocr_txt", "label.txt", "bad.jpg WORD\n", "bad.jpg"},
        };
        for (String[] c : cases) {
            Map<String, byte[]> files = new LinkedHashMap<>();
            files.put(c[2], c[3].getBytes(StandardCharsets.UTF_8));
            files.put("imgs/bad.jpg", "this is not an image".getBytes(StandardCharsets.UTF_8));
            String id = upload(zip(files), c[0], c[1], c[2], "imgs").then().statusCode(202).extract().jsonPath().getString("id");
            JsonPath job = Jobs.await(id);
            assertEquals("failed", job.getString("state"), job.prettify());
            assertTrue(job.getString("error").contains(c[4]), job.getString("error"));
            String log = mgmt().get("/jobs/" + id + "/logs").asString();
            assertTrue(log.contains("failed: "), log);
        }
        // the server is fine afterwards
        given().port(Ports.INFERENCE).get("/ping").then().statusCode(200);
    }

    @Test
    void cancelQueuedAndRunningJobs() throws IOException {
        // one crop, 20000 times: long enough to cancel while it runs
        StringBuilder labels = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            labels.append("w.jpg GRAND\n");
        }
        byte[] data = zip(Map.of("label.txt", labels.toString().getBytes(StandardCharsets.UTF_8), "imgs/w.jpg",
                TestData.bytes(TestData.toy("ocr_toy_dataset/imgs/1223731.jpg"))));
        String running = upload(data, "ppocr_rec", "ocr_txt", "label.txt", "imgs").then().statusCode(202).extract()
                .jsonPath().getString("id");
        String queued = upload(data, "ppocr_rec", "ocr_txt", "label.txt", "imgs").then().statusCode(202).extract()
                .jsonPath().getString("id");
        try {
            cancelBoth(running, queued);
        } finally {
            mgmt().delete("/jobs/" + running);
            mgmt().delete("/jobs/" + queued);
        }
    }

    private static void cancelBoth(String running, String queued) {
        Jobs.awaitUntil(running, j -> j.getFloat("progress") > 0 && j.get("eta_seconds") != null);
        JsonPath mid = Jobs.get(running);
        assertEquals("running", mid.getString("state"));
        assertTrue(mid.get("eta_seconds") != null, mid.prettify());
        assertEquals("queued", Jobs.get(queued).getString("state"), "one job at a time");

        mgmt().delete("/jobs/" + queued).then().statusCode(200).body("state", equalTo("cancelled"));
        long t0 = System.nanoTime();
        mgmt().delete("/jobs/" + running).then().statusCode(200).body("state", equalTo("cancelled"))
                .body("error", containsString("cancelled"));
        assertTrue(System.nanoTime() - t0 < 5_000_000_000L, "stops within seconds");
        assertTrue(Jobs.get(running).getFloat("progress") < 0.99f);
        mgmt().delete("/jobs/" + running).then().statusCode(409);
        assertEquals("cancelled", Jobs.get(queued).getString("state"));
        // the model still serves
        given().port(Ports.INFERENCE).body(TestData.bytes(TestData.toy("ocr_toy_dataset/imgs/1223731.jpg")))
                .post("/predictions/ppocr_rec").then().statusCode(200);
        mgmt().get("/jobs?state=cancelled").then().statusCode(200)
                .body("jobs.id", org.hamcrest.Matchers.hasItems(running, queued));
    }

    private static io.restassured.response.Response upload(byte[] zip, String model, String format, String annotations,
            String images) {
        return mgmt().multiPart("dataset", "dataset.zip", zip, "application/zip").multiPart("model", model)
                .multiPart("format", format).multiPart("annotations", annotations).multiPart("images", images)
                .post("/jobs");
    }

    private static byte[] zip(Map<String, byte[]> files) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> e : files.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue());
                z.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
