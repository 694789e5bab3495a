package io.ocrserve.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.equalToIgnoringCase;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ocrserve.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The inference API: every body form, versions, errors, port separation, API descriptions. */
@QuarkusTest
class InferenceApiTest {

    @org.junit.jupiter.api.BeforeEach
    void ready() {
        Ready.await();
    }
    static final Path WORD = TestData.toy("ocr_toy_dataset/imgs/1036169.jpg"); // 03/09/2009
    static final Path PLAQUE = TestData.toy("demo/demo_text_det.jpg");

    @Test
    void pingIsHealthyOnceModelsAreLoaded() {
        given().get("/ping").then().statusCode(200).body("status", equalTo("Healthy"))
                .header("x-request-id", notNullValue());
    }

    @Test
    void detectionAnswersBoundaryResultInImagePixels() {
        List<List<Float>> boxes = given().contentType("image/jpeg").body(TestData.bytes(PLAQUE))
                .post("/predictions/ppocr_det").then().statusCode(200).contentType(ContentType.JSON)
                .body("boundary_result.size()", greaterThan(5)).extract().jsonPath().getList("boundary_result");
        for (List<Float> b : boxes) {
            assertEquals(9, b.size(), "quad = 8 coordinates + score");
            for (int i = 0; i < 8; i += 2) {
                org.junit.jupiter.api.Assertions.assertTrue(b.get(i) >= -5 && b.get(i) <= 465, "x in the 460 px image");
                org.junit.jupiter.api.Assertions.assertTrue(b.get(i + 1) >= -5 && b.get(i + 1) <= 281, "y in the 276 px image");
            }
            org.junit.jupiter.api.Assertions.assertTrue(b.get(8) >= 0.6f, "box score >= box_thresh 0.6");
        }
    }

    @Test
    void rawBodyPostAndPutMultipartAndBase64GiveTheSameAnswer() {
        byte[] img = TestData.bytes(WORD);
        String text = given().body(img).post("/predictions/ppocr_rec").then().statusCode(200)
                .body("score", greaterThan(0.5f)).extract().path("text");
        given().body(img).put("/predictions/ppocr_rec").then().statusCode(200).body("text", equalTo(text));
        given().multiPart("data", "word.jpg", img, "image/jpeg").post("/predictions/ppocr_rec").then()
                .statusCode(200).body("text", equalTo(text));
        given().contentType(ContentType.JSON).body("{\"data\": \"" + Base64.getEncoder().encodeToString(img) + "\"}")
                .post("/predictions/ppocr_rec").then().statusCode(200).body("text", equalTo(text));
        given().body(img).post("/predictions/ppocr_rec/1.0").then().statusCode(200).body("text", equalTo(text));
    }

    @Test
    void severalMultipartFilesAreAnsweredAsAnArrayInOrder() {
        byte[] a = TestData.bytes(TestData.toy("ocr_toy_dataset/imgs/1036169.jpg"));
        byte[] b = TestData.bytes(TestData.toy("ocr_toy_dataset/imgs/1058891.jpg"));
        String ta = given().body(a).post("/predictions/ppocr_rec").then().extract().path("text");
        String tb = given().body(b).post("/predictions/ppocr_rec").then().extract().path("text");
        given().multiPart("data", "a.jpg", a, "image/jpeg").multiPart("data", "b.jpg", b, "image/jpeg")
                .multiPart("data", "a2.jpg", a, "image/jpeg").post("/predictions/ppocr_rec").then().statusCode(200)
                .body("", hasSize(3)).body("[0].text", equalTo(ta)).body("[1].text", equalTo(tb))
                .body("[2].text", equalTo(ta));
    }

    @Test
    void badInputsGetClearClientErrorsAndTheServerKeepsServing() {
        given().body(new byte[0]).post("/predictions/ppocr_det").then().statusCode(400)
                .body("type", equalTo("BadRequestException")).body("message", containsString("empty"));
        given().body("definitely not an image".getBytes()).post("/predictions/ppocr_det").then().statusCode(400)
                .body("code", equalTo(400)).body("message", containsString("cannot decode image"));
        byte[] truncated = java.util.Arrays.copyOf(TestData.bytes(PLAQUE), 300);
        given().body(truncated).post("/predictions/ppocr_det").then().statusCode(400);
        given().contentType(ContentType.JSON).body("{\"data\": \"***\"}").post("/predictions/ppocr_det").then()
                .statusCode(400).body("message", containsString("base64"));
        given().contentType(ContentType.JSON).body("{\"nodata\": 1}").post("/predictions/ppocr_det").then()
                .statusCode(400);
        given().contentType(ContentType.JSON).body("{broken").post("/predictions/ppocr_det").then().statusCode(400);
        given().body(TestData.bytes(PLAQUE)).post("/predictions/ppocr_det?min_text_score=high").then()
                .statusCode(400).body("message", containsString("min_text_score"));
        given().body(TestData.bytes(PLAQUE)).post("/predictions/ppocr_det?text_repr_type=hexagon").then()
                .statusCode(400);
        given().body(TestData.bytes(PLAQUE)).post("/predictions/nope").then().statusCode(404)
                .body("type", equalTo("ModelNotFoundException"));
        given().body(TestData.bytes(PLAQUE)).post("/predictions/ppocr_det/9.9").then().statusCode(404);
        // over max_request_size (3 MB in the test profile)
        given().body(new byte[3_100_000]).post("/predictions/ppocr_det").then().statusCode(413)
                .body("code", equalTo(413)).body("message", containsString("max_request_size"));
        // chunked: no Content-Length to check up front
        given().body(new java.io.ByteArrayInputStream(new byte[3_100_000])).post("/predictions/ppocr_det").then()
                .statusCode(413).body("code", equalTo(413));
        given().body(TestData.bytes(PLAQUE)).post("/predictions/ppocr_det").then().statusCode(200);
        given().get("/ping").then().statusCode(200);
    }

    @Test
    void hugeImageDimensionsAreRefusedBeforeDecoding() throws Exception {
        // a valid PNG header claiming 100000 x 100000 pixels
        java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
        png.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13, 'I', 'H', 'D', 'R'});
        png.write(java.nio.ByteBuffer.allocate(8).putInt(100_000).putInt(100_000).array());
        png.write(new byte[] {8, 2, 0, 0, 0, 0, 0, 0, 0});
        given().body(png.toByteArray()).post("/predictions/ppocr_det").then().statusCode(400)
                .body("message", containsString("100000"));
    }

    @Test
    void everyErrorIsJsonWithCodeTypeMessage() {
        given().get("/no/such/path").then().statusCode(404).contentType(ContentType.JSON)
                .body("code", equalTo(404)).body("type", notNullValue()).body("message", notNullValue());
        given().delete("/predictions/ppocr_det").then().statusCode(405).body("code", equalTo(405))
                .body("type", equalTo("MethodNotAllowedException"));
        given().post("/ping").then().statusCode(405).body("code", equalTo(405));
        given().header("x-request-id", "my-id-1").get("/no").then().header("x-request-id", "my-id-1");
    }

    @Test
    void managementAndInferencePathsStayOnTheirPorts() {
        given().get("/models").then().statusCode(404).body("message", containsString("management port"));
        given().port(Ports.MANAGEMENT).get("/ping").then().statusCode(404)
                .body("message", containsString("inference port"));
        given().port(Ports.MANAGEMENT).body(TestData.bytes(WORD)).post("/predictions/ppocr_rec").then().statusCode(404);
        given().port(Ports.MANAGEMENT).get("/models").then().statusCode(200);
    }

    @Test
    void eachPortDescribesItsOwnApi() {
        given().options("/").then().statusCode(200).body("openapi", notNullValue())
                .body("paths", hasKey("/predictions/{model}")).body("paths", not(hasKey("/models")));
        given().get("/api-description").then().statusCode(200).body("paths", hasKey("/ping"));
        given().port(Ports.MANAGEMENT).options("/").then().statusCode(200).body("paths", hasKey("/models"))
                .body("paths", not(hasKey("/predictions/{model}")));
        // the full document: every operation has a schema'd response, every error the Error schema
        given().get("/openapi?format=json").then().statusCode(200)
                .body("components.schemas", hasKey("Error")).body("components.schemas", hasKey("ModelDescription"))
                .body("paths.'/models'.post.responses.'200'.content.'application/json'.schema.'$ref'",
                        equalTo("#/components/schemas/Status"));
    }

    @Test
    void endToEndOcrReadsThePlaque() {
        // the seed's installation check: MMOCR's DB_r18 + CRNN read 8 of the plaque's 23 words
        List<String> texts = given().body(TestData.bytes(PLAQUE)).put("/predictions/ocr").then().statusCode(200)
                .body("filename", notNullValue()).body("result[0]", hasKey("box"))
                .body("result[0]", hasKey("box_score")).body("result[0]", hasKey("text_score"))
                .extract().jsonPath().getList("result.text");
        List<String> plaque = List.of("London", "Borough", "of", "Southwark", "Octavia", "Hill", "Social",
                "Reformer", "Established", "this", "garden", "hall", "and", "cottages", "and", "pioneered", "Army",
                "Cadets", "1887-90", "Voted", "by", "the", "People");
        int read = WordMatch.countInOrder(plaque, texts);
        org.junit.jupiter.api.Assertions.assertTrue(read >= 15, "read " + read + " of 23 words: " + texts);
        given().body(TestData.bytes(PLAQUE)).put("/predictions/ocr?details=false").then().statusCode(200)
                .body("text.size()", equalTo(texts.size()));
        given().body(TestData.bytes(PLAQUE)).put("/predictions/ocr?merge=true").then().statusCode(200)
                .body("result.size()", org.hamcrest.Matchers.lessThanOrEqualTo(texts.size()))
                .body("result[0]", not(hasKey("box_score")));
        given().body(TestData.bytes(PLAQUE)).put("/predictions/ocr?use_angle_cls=true").then().statusCode(200)
                .body("result.size()", equalTo(texts.size()));
        given().body(TestData.bytes(PLAQUE)).put("/predictions/ocr?crop=mmocr").then().statusCode(200);
        given().body(TestData.bytes(PLAQUE)).put("/predictions/ocr?details=perhaps").then().statusCode(400);
        // one crop per recognizer call: no batch padding, the same words are found
        given().body(TestData.bytes(PLAQUE)).put("/predictions/ocr?recog_batch_size=1").then().statusCode(200)
                .body("result.size()", equalTo(texts.size()));
        given().body(TestData.bytes(PLAQUE)).put("/predictions/ocr?recog_batch_size=0").then().statusCode(400)
                .body("message", containsString("recog_batch_size"));
    }

    @Test
    void aPipelineWithEmbeddedModelsReadsLikeTheComposedOne() throws Exception {
        Path dir = java.nio.file.Files.createTempDirectory("embedded");
        Path archive = new io.ocrserve.serving.archive.ArchiveWriter().write(
                new io.ocrserve.serving.archive.ArchiveWriter.Request("ocr_embedded", "1.0", null,
                        Path.of("configs/ocr/ocr_embedded.yaml"),
                        List.of(Path.of("model-store/ppocr_det.mar"), Path.of("model-store/ppocr_rec.mar")), null,
                        dir, io.ocrserve.serving.archive.ArchiveUnpacker.Format.ZIP, false));
        given().port(Ports.MANAGEMENT).post("/models?url=" + TestData.fileUrl(archive)).then().statusCode(200);
        List<String> composed = given().body(TestData.bytes(PLAQUE)).put("/predictions/ocr").then().statusCode(200)
                .extract().jsonPath().getList("result.text");
        given().body(TestData.bytes(PLAQUE)).put("/predictions/ocr_embedded").then().statusCode(200)
                .body("result.text", equalTo(composed));
        given().port(Ports.MANAGEMENT).delete("/models/ocr_embedded").then().statusCode(200);
    }

    @Test
    void aRequestPastResponseTimeoutGets408() {
        // the dense page takes seconds end to end; this pipeline's response_timeout is 1 s
        Path archive = TestData.archive("ocr_hasty", "1.0", null, "ocr/ocr.yaml", List.of(),
                "minWorkers: 1\nresponseTimeout: 1\n", io.ocrserve.serving.archive.ArchiveUnpacker.Format.ZIP);
        given().port(Ports.MANAGEMENT).post("/models?url=" + TestData.fileUrl(archive)).then().statusCode(200);
        long t0 = System.nanoTime();
        given().body(TestData.bytes(TestData.toy("demo/demo_densetext_det.jpg"))).put("/predictions/ocr_hasty").then()
                .statusCode(408).body("type", equalTo("RequestTimeoutException"))
                .body("message", containsString("response_timeout"));
        long ms = (System.nanoTime() - t0) / 1_000_000;
        org.junit.jupiter.api.Assertions.assertTrue(ms < 5_000, "answered at the timeout, took " + ms + " ms");
        given().port(Ports.MANAGEMENT).delete("/models/ocr_hasty").then().statusCode(200);
    }

    @Test
    void aDensePageDoesNotFloodTheRecognizerQueue() {
        // more than 100 words: more than ppocr_rec's job queue, so the pipeline must not send them all at once
        given().body(TestData.bytes(TestData.toy("demo/demo_densetext_det.jpg"))).put("/predictions/ocr").then()
                .statusCode(200).body("result.size()", greaterThan(60));
        given().body(TestData.bytes(WORD)).post("/predictions/ppocr_rec").then().statusCode(200);
    }

    @Test
    void recognizerReadsTheToyWords() throws Exception {
        List<String> lines = java.nio.file.Files.readAllLines(TestData.toy("ocr_toy_dataset/label.txt"));
        int right = 0;
        StringBuilder report = new StringBuilder();
        for (String line : lines) {
            String file = line.substring(0, line.indexOf(' '));
            String truth = line.substring(line.indexOf(' ') + 1);
            String text = given().body(TestData.bytes(TestData.toy("ocr_toy_dataset/imgs/" + file)))
                    .post("/predictions/ppocr_rec").then().statusCode(200).extract().path("text");
            if (WordMatch.normalize(text).equals(WordMatch.normalize(truth))) {
                right++;
            }
            report.append(truth).append("->").append(text).append(' ');
        }
        // PP-OCRv4 reads 5 of these 10 low-resolution ICDAR2015 crops (several hold two lines or tilted text);
        // the goal is 8: see the notes. This guards the 5 against regressions.
        org.junit.jupiter.api.Assertions.assertTrue(right >= 5, right + "/10 right: " + report);
    }

    @Test
    void recognizerOnAWordCropIsCaseInsensitiveRight() {
        given().body(TestData.bytes(TestData.toy("demo/demo_text_recog.jpg"))).post("/predictions/ppocr_rec").then()
                .statusCode(200).body("text", equalToIgnoringCase("STAR"));
    }
}
