package io.ocrserve.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.ocrserve.TestData;
import io.ocrserve.eval.PredInstance;
import io.ocrserve.eval.datasets.DatasetReaders;
import io.ocrserve.eval.datasets.DetDataset;
import io.ocrserve.eval.datasets.DetSample;
import io.ocrserve.eval.datasets.RecDataset;
import io.ocrserve.eval.datasets.RecSample;
import io.ocrserve.eval.metrics.E2eSpotting;
import io.ocrserve.eval.metrics.HmeanIc13;
import io.ocrserve.eval.metrics.HmeanIou;
import io.ocrserve.eval.metrics.RecogMetrics;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Evaluation jobs over HTTP on the MMOCR toy data with the default models. The expected metrics are computed
 * here, from predictions fetched one image at a time on the inference port and the eval package's metrics.
 */
@QuarkusTest
class JobEvaluationTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Map<String, List<PredInstance>> detCache = new HashMap<>();

    @BeforeEach
    void ready() {
        Ready.await();
    }

    @Test
    void detectionInThreeFormatsMatchesIndependentMetrics() throws Exception {
        Path det = TestData.toy("toy_dataset");
        String[][] formats = {
            {"icdar_coco", "toy_dataset/instances_test.json", "toy_dataset/imgs"},
            {"textdet_jsonl", "toy_dataset/instances_test.txt", "toy_dataset/imgs"},
            {"icdar_txt", "toy_dataset/annotations/test", "toy_dataset/imgs/test"},
        };
        Map<String, Object> first = null;
        for (String[] f : formats) {
            String id = Jobs.submit(Jobs.evaluate("ppocr_det", f[0], Jobs.TOY + f[1], Jobs.TOY + f[2],
                    List.of("hmean-iou", "hmean-ic13")));
            JsonPath job = Jobs.await(id);
            assertEquals("succeeded", job.getString("state"), job.prettify());
            assertEquals(1.0f, job.getFloat("progress"));
            DetDataset d = DatasetReaders.openDet(f[0], det.getParent().resolve(f[1]), det.getParent().resolve(f[2]));
            List<List<PredInstance>> preds = new ArrayList<>();
            for (DetSample s : d.samples()) {
                preds.add(detect(d.imagesDir().resolve(s.file()), "ppocr_det"));
            }
            Map<String, Double> expected = new LinkedHashMap<>(new HmeanIou().evaluate(d.groundTruth(), preds).toMap());
            expected.putAll(new HmeanIc13().evaluate(d.groundTruth(), preds).toMap());
            Map<String, Object> actual = metrics(id);
            assertSame(expected, actual, f[0]);
            assertTrue(expected.get("hmean-iou:hmean") > 0.3, "the default detector finds text: " + expected);
            if (first != null) {
                assertEquals(first, actual, "same data in another format, same metrics");
            }
            first = actual;
        }
    }

    @Test
    void recognitionInThreeFormatsMatchesIndependentMetrics() throws Exception {
        Path rec = TestData.toy("ocr_toy_dataset");
        String[][] formats = {
            {"ocr_txt", "label.txt", "imgs"},
            {"ocr_jsonl", "label.jsonl", "imgs"},
            {"lmdb", "imgs.lmdb", null},
            {"lmdb", "label.lmdb", "imgs"},
        };
        for (String[] f : formats) {
            String id = Jobs.submit(Jobs.evaluate("ppocr_rec", f[0], Jobs.TOY + "ocr_toy_dataset/" + f[1],
                    f[2] == null ? null : Jobs.TOY + "ocr_toy_dataset/" + f[2], null));
            JsonPath job = Jobs.await(id);
            assertEquals("succeeded", job.getString("state"), job.prettify());
            RecDataset d = DatasetReaders.openRec(f[0], rec.resolve(f[1]), f[2] == null ? null : rec.resolve(f[2]));
            List<String> texts = new ArrayList<>();
            for (RecSample s : d.samples()) {
                byte[] img = s.hasImageBytes() ? s.image() : TestData.bytes(d.imagesDir().resolve(s.file()));
                texts.add(given().port(Ports.INFERENCE).body(img).post("/predictions/ppocr_rec").then().statusCode(200)
                        .extract().jsonPath().getString("text"));
            }
            Map<String, Double> expected = RecogMetrics.evaluate(texts, d.texts());
            assertSame(expected, metrics(id), f[0] + " " + f[1]);
            assertEquals(6, metrics(id).size());
            assertTrue(expected.get("word_acc_ignore_case_symbol") >= 0.5, expected.toString());
        }
    }

    @Test
    void endToEndSpottingWithTheOcrPipeline() throws Exception {
        Path det = TestData.toy("toy_dataset");
        String id = Jobs.submit(Jobs.evaluate("ocr", "icdar_txt", Jobs.TOY + "toy_dataset/annotations/test",
                Jobs.TOY + "toy_dataset/imgs/test", List.of("e2e-spotting", "hmean-iou")));
        JsonPath job = Jobs.await(id);
        assertEquals("succeeded", job.getString("state"), job.prettify());
        DetDataset d = DatasetReaders.openDet("icdar_txt", det.resolve("annotations/test"), det.resolve("imgs/test"));
        List<List<PredInstance>> preds = new ArrayList<>();
        for (DetSample s : d.samples()) {
            preds.add(words(d.imagesDir().resolve(s.file())));
        }
        Map<String, Double> expected = new LinkedHashMap<>(new E2eSpotting().evaluate(d.groundTruth(), preds).toMap());
        expected.putAll(new HmeanIou().evaluate(d.groundTruth(), preds).toMap());
        assertSame(expected, metrics(id), "e2e");
    }

    @Test
    void logsAndArtifactsOfAFinishedJob() throws Exception {
        String id = Jobs.submit(Jobs.evaluate("ppocr_rec", "ocr_txt", Jobs.TOY + "ocr_toy_dataset/label.txt",
                Jobs.TOY + "ocr_toy_dataset/imgs", List.of("word_acc")));
        JsonPath job = Jobs.await(id);
        assertEquals("succeeded", job.getString("state"));
        assertNotNull(job.getString("started"));
        assertNotNull(job.getString("finished"));
        assertEquals("ppocr_rec", job.getString("request.model"));
        var logs = given().port(Ports.MANAGEMENT).get("/jobs/" + id + "/logs").then().statusCode(200).extract();
        assertTrue(logs.asString().contains("succeeded"), logs.asString());
        long next = Long.parseLong(logs.header("X-Next-Offset"));
        assertEquals(logs.asString().getBytes(java.nio.charset.StandardCharsets.UTF_8).length, next);
        assertEquals("", given().port(Ports.MANAGEMENT).get("/jobs/" + id + "/logs?since=" + next).asString());
        given().port(Ports.MANAGEMENT).get("/jobs/" + id + "/artifacts").then().statusCode(200)
                .body("artifacts", org.hamcrest.Matchers.contains("metrics.json", "predictions.jsonl"));
        String lines = given().port(Ports.MANAGEMENT).get("/jobs/" + id + "/artifacts/predictions.jsonl").then()
                .statusCode(200).extract().asString();
        assertEquals(10, lines.lines().count());
        assertTrue(lines.lines().findFirst().orElseThrow().contains("\"gt\":\"GRAND\""), lines);
        Map<?, ?> m = JSON.readValue(given().port(Ports.MANAGEMENT).get("/jobs/" + id + "/artifacts/metrics.json")
                .then().statusCode(200).extract().asByteArray(), Map.class);
        assertEquals(metrics(id), m);
        given().port(Ports.MANAGEMENT).get("/jobs/" + id + "/artifacts/../job.json").then().statusCode(404);
        given().port(Ports.MANAGEMENT).get("/jobs/" + id + "/artifacts/nope.txt").then().statusCode(404);
        // listed, newest first, filterable
        given().port(Ports.MANAGEMENT).get("/jobs?state=succeeded&type=evaluate").then().statusCode(200)
                .body("jobs.id", org.hamcrest.Matchers.hasItem(id))
                .body("jobs.state", org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.equalTo("succeeded")));
        List<String> created = given().port(Ports.MANAGEMENT).get("/jobs").then().statusCode(200).extract()
                .jsonPath().getList("jobs.created");
        List<String> sorted = new ArrayList<>(created);
        sorted.sort(java.util.Comparator.reverseOrder());
        assertEquals(sorted, created, "newest first");
        given().port(Ports.MANAGEMENT).get("/jobs?limit=1").then().statusCode(200).body("jobs", org.hamcrest.Matchers.hasSize(1));
        given().port(Ports.MANAGEMENT).get("/jobs?state=bogus").then().statusCode(400);
        // the job API is on the management port only
        given().port(Ports.INFERENCE).get("/jobs").then().statusCode(404);
        // OpenAPI of the management port
        given().port(Ports.MANAGEMENT).options("/").then().statusCode(200)
                .body("paths.keySet()", org.hamcrest.Matchers.hasItems("/jobs", "/jobs/{id}", "/jobs/{id}/logs",
                        "/jobs/{id}/artifacts", "/jobs/{id}/artifacts/{name}"));
        // Prometheus
        String prom = given().port(Ports.METRICS).get("/metrics").then().statusCode(200).extract().asString();
        assertTrue(prom.contains("ocrserve_jobs{state=\"succeeded\",type=\"evaluate\"}"), "jobs gauge");
        assertTrue(prom.contains("ocrserve_job_duration_seconds_count{state=\"succeeded\",type=\"evaluate\"}"), "duration");
        assertTrue(prom.contains("ocrserve_eval_images_per_second"), "images/s");
    }

    private List<PredInstance> detect(Path image, String model) {
        return detCache.computeIfAbsent(image.getFileName().toString(), k -> {
            List<List<Number>> rows = given().port(Ports.INFERENCE).body(TestData.bytes(image)).post("/predictions/" + model)
                    .then().statusCode(200).extract().jsonPath().getList("boundary_result");
            List<PredInstance> out = new ArrayList<>();
            for (List<Number> r : rows) {
                out.add(PredInstance.fromBoundary(r.stream().mapToDouble(Number::doubleValue).toArray()));
            }
            return out;
        });
    }

    private static List<PredInstance> words(Path image) throws Exception {
        Map<?, ?> body = JSON.readValue(given().port(Ports.INFERENCE).body(TestData.bytes(image))
                .post("/predictions/ocr").then().statusCode(200).extract().asByteArray(), Map.class);
        List<PredInstance> out = new ArrayList<>();
        for (Object o : (List<?>) body.get("result")) {
            Map<?, ?> w = (Map<?, ?>) o;
            double[] box = ((List<?>) w.get("box")).stream().mapToDouble(v -> ((Number) v).doubleValue()).toArray();
            Object score = w.get("box_score");
            out.add(new PredInstance(box, score == null ? 1.0 : ((Number) score).doubleValue(), (String) w.get("text")));
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> metrics(String id) throws Exception {
        byte[] body = given().port(Ports.MANAGEMENT).get("/jobs/" + id).then().statusCode(200).extract().asByteArray();
        return (Map<String, Object>) JSON.readValue(body, Map.class).get("metrics");
    }

    private static void assertSame(Map<String, Double> expected, Map<String, Object> actual, String what) {
        assertEquals(expected.keySet(), actual.keySet(), what);
        expected.forEach((k, v) -> assertEquals(v, ((Number) actual.get(k)).doubleValue(), 1e-9, what + " " + k));
    }
}
