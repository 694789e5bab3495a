package io.ocrserve.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ocrserve.TestData;
import io.ocrserve.ocr.image.Image;
import io.ocrserve.ocr.image.ImageCodec;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** KServe v2 / Open Inference Protocol on the inference port, against the default models. */
@QuarkusTest
class KServeApiTest {
    static final Path PLAQUE = TestData.toy("demo/demo_text_det.jpg");
    static final Path WORD = TestData.toy("demo/demo_text_recog.jpg");
    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void waitUntilModelsAreLoaded() throws InterruptedException {
        long deadline = System.nanoTime() + 300_000_000_000L;
        while (given().port(Ports.INFERENCE).get("/ping").statusCode() != 200) { // RestAssured.port is set per test only
            assertTrue(System.nanoTime() < deadline, "/ping not healthy within 300 s");
            Thread.sleep(250);
        }
    }

    static String inferBody(String id, String parametersJson, byte[]... images) {
        StringBuilder data = new StringBuilder();
        for (byte[] img : images) {
            data.append(data.length() == 0 ? "" : ", ").append('"').append(Base64.getEncoder().encodeToString(img)).append('"');
        }
        return "{" + (id == null ? "" : "\"id\": \"" + id + "\", ")
                + (parametersJson == null ? "" : "\"parameters\": " + parametersJson + ", ")
                + "\"inputs\": [{\"name\": \"image\", \"shape\": [" + images.length + "], \"datatype\": \"BYTES\", "
                + "\"data\": [" + data + "]}]}";
    }

    static ValidatableResponse infer(String path, String body) {
        return given().contentType(ContentType.JSON).body(body).post(path).then();
    }

    static JsonNode tree(String json) throws Exception {
        return JSON.readTree(json);
    }

    // ---------------------------------------------------------------- server and health

    @Test
    void serverMetadataLiveAndReady() {
        given().get("/v2").then().statusCode(200).contentType(ContentType.JSON).body("name", equalTo("ocrserve"))
                .body("version", notNullValue()).body("extensions", notNullValue());
        given().get("/v2/health/live").then().statusCode(200).body("live", equalTo(true));
        given().get("/v2/health/ready").then().statusCode(200).body("ready", equalTo(true));
        // inference-port paths only
        given().port(Ports.MANAGEMENT).get("/v2/health/live").then().statusCode(404)
                .body("message", containsString("inference port"));
    }

    // ---------------------------------------------------------------- model metadata and readiness

    @Test
    void modelMetadataDescribesTheOneBytesInputAndOutput() {
        for (String path : List.of("/v2/models/ppocr_det", "/v2/models/ppocr_det/versions/1.0")) {
            given().get(path).then().statusCode(200).body("name", equalTo("ppocr_det"))
                    .body("versions", hasItem("1.0")).body("platform", equalTo("ocrserve_textdet"))
                    .body("inputs", hasSize(1)).body("inputs[0].name", equalTo("image"))
                    .body("inputs[0].datatype", equalTo("BYTES")).body("inputs[0].shape", equalTo(List.of(-1)))
                    .body("outputs", hasSize(1)).body("outputs[0].name", equalTo("result"))
                    .body("outputs[0].datatype", equalTo("BYTES")).body("outputs[0].shape", equalTo(List.of(-1)));
        }
        given().get("/v2/models/ocr").then().statusCode(200).body("platform", equalTo("ocrserve_ocr"));
        given().get("/v2/models/ppocr_rec").then().statusCode(200).body("platform", equalTo("ocrserve_textrecog"));
    }

    @Test
    void modelReadiness() {
        given().get("/v2/models/ppocr_det/ready").then().statusCode(200).body("name", equalTo("ppocr_det"))
                .body("ready", equalTo(true));
        given().get("/v2/models/ocr/versions/1.0/ready").then().statusCode(200).body("name", equalTo("ocr"))
                .body("ready", equalTo(true));
    }

    @Test
    void aVersionWithoutWorkersIsNotReadyAndVersionsAreListed() {
        Path v1 = TestData.recArchive("kserve_rec", "1.0", null);
        Path v2 = TestData.recArchive("kserve_rec", "2.0", null);
        given().port(Ports.MANAGEMENT).post("/models?url=" + TestData.fileUrl(v1) + "&initial_workers=1").then()
                .statusCode(200);
        try {
            given().port(Ports.MANAGEMENT).post("/models?url=" + TestData.fileUrl(v2) + "&initial_workers=0").then()
                    .statusCode(200);
            given().get("/v2/models/kserve_rec").then().statusCode(200).body("versions", equalTo(List.of("1.0", "2.0")))
                    .body("platform", equalTo("ocrserve_textrecog"));
            given().get("/v2/models/kserve_rec/ready").then().statusCode(200).body("ready", equalTo(true));
            given().get("/v2/models/kserve_rec/versions/2.0/ready").then().statusCode(503).contentType(ContentType.JSON)
                    .body("name", equalTo("kserve_rec")).body("ready", equalTo(false));
            // a non-default version without workers does not make the server unready
            given().get("/v2/health/ready").then().statusCode(200).body("ready", equalTo(true));
            infer("/v2/models/kserve_rec/versions/2.0/infer", inferBody(null, null, TestData.bytes(WORD))).statusCode(503)
                    .body("code", equalTo(503));
            given().port(Ports.MANAGEMENT).put("/models/kserve_rec/2.0?min_worker=1&synchronous=true").then()
                    .statusCode(200);
            given().get("/v2/models/kserve_rec/versions/2.0/ready").then().statusCode(200).body("ready", equalTo(true));
            infer("/v2/models/kserve_rec/versions/2.0/infer", inferBody(null, null, TestData.bytes(WORD))).statusCode(200)
                    .body("model_version", equalTo("2.0"));
        } finally {
            given().port(Ports.MANAGEMENT).delete("/models/kserve_rec/2.0");
            given().port(Ports.MANAGEMENT).delete("/models/kserve_rec");
        }
    }

    @Test
    void unknownModelsAndVersionsAre404WithOurErrorBody() {
        for (String path : List.of("/v2/models/nope", "/v2/models/nope/ready", "/v2/models/ppocr_det/versions/9.9",
                "/v2/models/ppocr_det/versions/9.9/ready")) {
            given().get(path).then().statusCode(404).contentType(ContentType.JSON).body("code", equalTo(404))
                    .body("type", equalTo("ModelNotFoundException")).body("message", notNullValue());
        }
        byte[] img = TestData.bytes(WORD);
        infer("/v2/models/nope/infer", inferBody(null, null, img)).statusCode(404)
                .body("type", equalTo("ModelNotFoundException"));
        infer("/v2/models/ppocr_rec/versions/9.9/infer", inferBody(null, null, img)).statusCode(404)
                .body("code", equalTo(404));
    }

    // ---------------------------------------------------------------- infer

    @Test
    void detectionInferEqualsThePlainPrediction() throws Exception {
        byte[] img = TestData.bytes(PLAQUE);
        String plain = given().body(img).post("/predictions/ppocr_det").then().statusCode(200).extract().asString();
        var response = infer("/v2/models/ppocr_det/infer", inferBody("req-7", null, img)).statusCode(200)
                .contentType(ContentType.JSON).body("model_name", equalTo("ppocr_det"))
                .body("model_version", equalTo("1.0")).body("id", equalTo("req-7")).body("outputs", hasSize(1))
                .body("outputs[0].name", equalTo("result")).body("outputs[0].datatype", equalTo("BYTES"))
                .body("outputs[0].shape", equalTo(List.of(1))).body("outputs[0].data", hasSize(1))
                .body("outputs[0].parameters.content_type", equalTo("application/json")).extract();
        String answer = response.path("outputs[0].data[0]");
        assertEquals(tree(plain), tree(answer));
        assertTrue(tree(answer).get("boundary_result").size() > 5);
    }

    @Test
    void ocrInferEqualsThePlainPredictionAndTakesParameters() throws Exception {
        byte[] img = TestData.bytes(PLAQUE);
        String plain = given().body(img).post("/predictions/ocr").then().statusCode(200).extract().asString();
        String answer = infer("/v2/models/ocr/versions/1.0/infer", inferBody(null, null, img)).statusCode(200)
                .body("model_name", equalTo("ocr")).body("id", notNullValue()).extract().path("outputs[0].data[0]");
        assertEquals(tree(plain), tree(answer));
        assertTrue(tree(answer).get("result").size() > 5, answer);

        // request parameters are the handler's query parameters
        String plainTexts = given().body(img).post("/predictions/ocr?details=false").then().statusCode(200)
                .extract().asString();
        String texts = infer("/v2/models/ocr/infer", inferBody(null, "{\"details\": false}", img)).statusCode(200)
                .extract().path("outputs[0].data[0]");
        assertEquals(tree(plainTexts), tree(texts));
        assertTrue(tree(texts).has("text"), texts);
        infer("/v2/models/ocr/infer", inferBody(null, "{\"details\": \"perhaps\"}", img)).statusCode(400)
                .body("message", containsString("details"));
    }

    @Test
    void severalImagesAreAnsweredInOrder() throws Exception {
        byte[] a = TestData.bytes(WORD);
        byte[] b = TestData.bytes(TestData.toy("ocr_toy_dataset/imgs/1036169.jpg"));
        String ta = given().body(a).post("/predictions/ppocr_rec").then().extract().asString();
        String tb = given().body(b).post("/predictions/ppocr_rec").then().extract().asString();
        var out = infer("/v2/models/ppocr_rec/infer", inferBody(null, null, a, b, a)).statusCode(200)
                .body("outputs[0].shape", equalTo(List.of(3))).extract().jsonPath().getList("outputs[0].data", String.class);
        assertEquals(3, out.size());
        assertEquals(tree(ta), tree(out.get(0)));
        assertEquals(tree(tb), tree(out.get(1)));
        assertEquals(tree(ta), tree(out.get(2)));
    }

    @Test
    void visualizeThroughInferAnswersABase64Png() {
        byte[] img = TestData.bytes(PLAQUE);
        var out = infer("/v2/models/ppocr_det/infer", inferBody(null, "{\"visualize\": true}", img)).statusCode(200)
                .body("outputs[0].parameters.content_type", equalTo("image/png")).extract();
        Image png = ImageCodec.decode(Base64.getDecoder().decode((String) out.path("outputs[0].data[0]")), Long.MAX_VALUE,
                false);
        assertEquals(460, png.width());
        assertEquals(276, png.height());
    }

    @Test
    void malformedRequestsAre400WithOurErrorBody() {
        String b64 = Base64.getEncoder().encodeToString(TestData.bytes(WORD));
        String path = "/v2/models/ppocr_rec/infer";
        // not JSON, empty, JSON of the wrong shape
        bad(path, "{broken", "malformed");
        bad(path, "", "empty");
        bad(path, "[1, 2]", "malformed");
        // missing inputs
        bad(path, "{}", "missing inputs");
        bad(path, "{\"inputs\": []}", "missing inputs");
        // bad base64, wrong element type, empty image
        bad(path, "{\"inputs\": [{\"name\": \"image\", \"shape\": [1], \"datatype\": \"BYTES\", \"data\": [\"not base64!!\"]}]}",
                "base64");
        bad(path, "{\"inputs\": [{\"name\": \"image\", \"shape\": [1], \"datatype\": \"BYTES\", \"data\": [42]}]}",
                "base64 string");
        bad(path, "{\"inputs\": [{\"name\": \"image\", \"shape\": [1], \"datatype\": \"BYTES\", \"data\": [\"\"]}]}",
                "empty");
        // base64 of something that is not an image: the handler's 400
        bad(path, "{\"inputs\": [{\"name\": \"image\", \"shape\": [1], \"datatype\": \"BYTES\", \"data\": [\""
                + Base64.getEncoder().encodeToString("hello".getBytes()) + "\"]}]}", "cannot decode image");
        // non-BYTES datatype
        bad(path, "{\"inputs\": [{\"name\": \"image\", \"shape\": [1], \"datatype\": \"FP32\", \"data\": [1.5]}]}",
                "BYTES");
        // wrong input name, two inputs, no data, shape mismatch, unknown output
        bad(path, "{\"inputs\": [{\"name\": \"pixels\", \"shape\": [1], \"datatype\": \"BYTES\", \"data\": [\"" + b64 + "\"]}]}",
                "unknown input");
        String input = "{\"name\": \"image\", \"shape\": [1], \"datatype\": \"BYTES\", \"data\": [\"" + b64 + "\"]}";
        bad(path, "{\"inputs\": [" + input + ", " + input + "]}", "exactly one");
        bad(path, "{\"inputs\": [{\"name\": \"image\", \"shape\": [1], \"datatype\": \"BYTES\"}]}", "no data");
        bad(path, "{\"inputs\": [{\"name\": \"image\", \"shape\": [2], \"datatype\": \"BYTES\", \"data\": [\"" + b64 + "\"]}]}",
                "shape");
        bad(path, "{\"inputs\": [" + input + "], \"outputs\": [{\"name\": \"boxes\"}]}", "unknown output");
        bad(path, "{\"inputs\": [" + input + "], \"parameters\": {\"x\": {\"y\": 1}}}", "parameter 'x'");
        // and the well-formed request still works; a [1, 1] shape is one image too
        infer(path, "{\"inputs\": [" + input + "]}").statusCode(200);
        infer(path, "{\"inputs\": [{\"name\": \"image\", \"shape\": [1, 1], \"datatype\": \"BYTES\", \"data\": [[\"" + b64
                + "\"]]}]}").statusCode(200).body("outputs[0].shape", equalTo(List.of(1)));
    }

    private static void bad(String path, String body, String messagePart) {
        infer(path, body).statusCode(400).contentType(ContentType.JSON).body("code", equalTo(400))
                .body("type", equalTo("BadRequestException")).body("message", containsString(messagePart));
    }

    @Test
    void theOpenApiDocumentTypesEveryV2Body() {
        var doc = given().get("/api-description").then().statusCode(200)
                .body("paths", hasKey("/v2/models/{model}/infer")).body("paths", hasKey("/v2/health/ready"))
                .body("paths", hasKey("/v2/models/{model}/versions/{version}/ready"));
        doc.body("paths.'/v2/models/{model}/infer'.post.requestBody.content.'application/json'.schema.'$ref'",
                equalTo("#/components/schemas/InferenceRequest"))
                .body("paths.'/v2/models/{model}/infer'.post.responses.'200'.content.'application/json'.schema.'$ref'",
                        equalTo("#/components/schemas/InferenceResponse"))
                .body("paths.'/v2/models/{model}/infer'.post.responses.'404'.content.'application/json'.schema.'$ref'",
                        equalTo("#/components/schemas/Error"))
                .body("paths.'/v2'.get.responses.'200'.content.'application/json'.schema.'$ref'",
                        equalTo("#/components/schemas/ServerMetadataResponse"))
                .body("paths.'/v2/models/{model}'.get.responses.'200'.content.'application/json'.schema.'$ref'",
                        equalTo("#/components/schemas/ModelMetadataResponse"))
                .body("components.schemas", hasKey("ResponseOutput")).body("components.schemas", hasKey("RequestInput"));
    }
}
