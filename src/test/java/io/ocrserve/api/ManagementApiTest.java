package io.ocrserve.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.ocrserve.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/** The management API on its own port, against the default PP-OCRv4 models and archives built in the test. */
@QuarkusTest
class ManagementApiTest {

    @org.junit.jupiter.api.BeforeEach
    void ready() {
        Ready.await();
    }

    static RequestSpecification mgmt() {
        return given().port(Ports.MANAGEMENT);
    }

    @Test
    void listsDefaultModelsSortedWithPagination() {
        mgmt().get("/models").then().statusCode(200)
                .body("models.modelName", hasItems("ocr", "ppocr_cls", "ppocr_det", "ppocr_rec"));
        java.util.List<String> all = mgmt().get("/models").then().extract().jsonPath().getList("models.modelName");
        org.junit.jupiter.api.Assertions.assertEquals(all.stream().sorted().toList(), all, "sorted by name");
        mgmt().get("/models?limit=2").then().statusCode(200).body("models", hasSize(2))
                .body("models[0].modelName", equalTo(all.get(0))).body("nextPageToken", equalTo("2"));
        mgmt().get("/models?limit=2&next_page_token=2").then().statusCode(200)
                .body("models[0].modelName", equalTo(all.get(2)));
        mgmt().get("/models?limit=100&next_page_token=1000").then().statusCode(200).body("models", hasSize(0))
                .body("nextPageToken", nullValue());
        mgmt().get("/models?limit=abc").then().statusCode(400).body("code", equalTo(400))
                .body("type", equalTo("BadRequestException")).body("message", containsString("limit"));
        mgmt().get("/models?limit=0").then().statusCode(400);
    }

    @Test
    void describesModelWithWorkersAndQueue() {
        mgmt().get("/models/ppocr_det").then().statusCode(200).body("", hasSize(1))
                .body("[0].modelName", equalTo("ppocr_det")).body("[0].modelVersion", equalTo("1.0"))
                .body("[0].task", equalTo("textdet")).body("[0].runtime", equalTo("onnx"))
                .body("[0].minWorkers", greaterThanOrEqualTo(1)).body("[0].workers[0].status", equalTo("READY"))
                .body("[0].jobQueueStatus.remainingCapacity", greaterThanOrEqualTo(1))
                .body("[0].jobQueueStatus.pendingRequests", equalTo(0)).body("[0].loadedAtStartup", equalTo(true));
        mgmt().get("/models/ppocr_det/1.0").then().statusCode(200).body("[0].modelVersion", equalTo("1.0"));
        mgmt().get("/models/nope").then().statusCode(404).body("type", equalTo("ModelNotFoundException"))
                .body("message", containsString("nope"));
        mgmt().get("/models/ppocr_det/9.9").then().statusCode(404).body("message", containsString("9.9"));
    }

    @Test
    void versionsDefaultAndUnregisterRules() {
        Path v2 = TestData.recArchive("rec_versions", "2.0", null);
        Path v1 = TestData.recArchive("rec_versions", "1.0", null);
        mgmt().post("/models?url=" + TestData.fileUrl(v1) + "&initial_workers=1").then().statusCode(200)
                .body("status", equalTo("Model \"rec_versions\" Version: 1.0 registered with 1 initial workers"));
        mgmt().post("/models?url=" + TestData.fileUrl(v2) + "&initial_workers=1").then().statusCode(200);
        mgmt().post("/models?url=" + TestData.fileUrl(v2)).then().statusCode(409)
                .body("type", equalTo("ConflictStatusException"));
        mgmt().get("/models/rec_versions/all").then().statusCode(200).body("", hasSize(2))
                .body("modelVersion", hasItems("1.0", "2.0"));
        // the first registered version is the default
        mgmt().get("/models/rec_versions").then().body("[0].modelVersion", equalTo("1.0"));
        mgmt().delete("/models/rec_versions/1.0").then().statusCode(403).body("code", equalTo(403));
        mgmt().put("/models/rec_versions/2.0/set-default").then().statusCode(200)
                .body("status", equalTo("Default version successfully updated for model \"rec_versions\" to \"2.0\""));
        mgmt().put("/models/rec_versions/7.0/set-default").then().statusCode(404);
        mgmt().get("/models/rec_versions").then().body("[0].modelVersion", equalTo("2.0"));
        given().port(Ports.INFERENCE).contentType("image/jpeg")
                .body(TestData.bytes(TestData.toy("ocr_toy_dataset/imgs/1036169.jpg")))
                .post("/predictions/rec_versions/1.0").then().statusCode(200).body("text", notNullValue());
        mgmt().delete("/models/rec_versions/1.0").then().statusCode(200)
                .body("status", equalTo("Model \"rec_versions\" unregistered"));
        mgmt().delete("/models/rec_versions/1.0").then().statusCode(404);
        mgmt().delete("/models/rec_versions").then().statusCode(200);
        mgmt().get("/models/rec_versions").then().statusCode(404);
    }

    @Test
    void scalesWorkersSyncAndAsync() {
        Path a = TestData.recArchive("rec_scale", "1.0", "minWorkers: 1\nbatchSize: 2\nmaxBatchDelay: 20\n");
        mgmt().post("/models?url=" + TestData.fileUrl(a)).then().statusCode(200);
        mgmt().get("/models/rec_scale").then().body("[0].batchSize", equalTo(2)).body("[0].maxBatchDelay", equalTo(20));
        mgmt().put("/models/rec_scale?min_worker=2&max_worker=3&synchronous=true").then().statusCode(200)
                .body("status", equalTo("Workers scaled to 2 for model: rec_scale"));
        mgmt().get("/models/rec_scale").then().body("[0].workers", hasSize(2)).body("[0].minWorkers", equalTo(2))
                .body("[0].maxWorkers", equalTo(3)).body("[0].workers.status", everyItem(equalTo("READY")));
        mgmt().put("/models/rec_scale/1.0?min_worker=1").then().statusCode(202)
                .body("status", equalTo("Processing worker updates..."));
        mgmt().put("/models/rec_scale?min_worker=3&max_worker=1").then().statusCode(400)
                .body("message", containsString("max_worker"));
        mgmt().put("/models/rec_scale?min_worker=two").then().statusCode(400)
                .body("message", containsString("min_worker"));
        mgmt().put("/models/nope?min_worker=1").then().statusCode(404);
        // scaled to zero: inference says there is no worker
        mgmt().put("/models/rec_scale?min_worker=0&synchronous=true").then().statusCode(200);
        given().port(Ports.INFERENCE).body(TestData.bytes(TestData.toy("ocr_toy_dataset/imgs/1036169.jpg")))
                .post("/predictions/rec_scale").then().statusCode(503).header("Retry-After", notNullValue())
                .body("message", containsString("no ready worker"));
        mgmt().delete("/models/rec_scale").then().statusCode(200);
    }

    @Test
    void registersWithJsonBodyAndAsynchronously() {
        Path a = TestData.detArchive("det_json", "1.0", null);
        mgmt().contentType(ContentType.JSON)
                .body("{\"url\": \"" + TestData.fileUrl(a) + "\", \"batch_size\": 2, \"initial_workers\": 1}")
                .post("/models").then().statusCode(200);
        mgmt().get("/models/det_json").then().body("[0].batchSize", equalTo(2));
        mgmt().delete("/models/det_json").then().statusCode(200);

        Path b = TestData.detArchive("det_async", "1.0", null);
        mgmt().post("/models?synchronous=false&url=" + TestData.fileUrl(b)).then().statusCode(202)
                .body("status", equalTo("Processing worker updates..."));
        mgmt().get("/models/det_async").then().statusCode(200);
        mgmt().contentType(ContentType.JSON).body("{\"url\": 5, \"batch_size\": \"many\"}").post("/models")
                .then().statusCode(400).body("code", equalTo(400));
    }

    @Test
    void registersFolderAndTarGzArchives() {
        for (var format : java.util.List.of(io.ocrserve.serving.archive.ArchiveUnpacker.Format.DIRECTORY,
                io.ocrserve.serving.archive.ArchiveUnpacker.Format.TAR_GZ)) {
            String name = "rec_" + format.name().toLowerCase(java.util.Locale.ROOT);
            Path a = TestData.archive(name, "1.0", TestData.asset("ch_PP-OCRv4_rec_infer.onnx"),
                    "textrecog/ppocr_rec.yaml", java.util.List.of(TestData.asset("ppocr_keys_v1.txt")), null, format);
            mgmt().post("/models?url=" + TestData.fileUrl(a)).then().statusCode(200);
            given().port(Ports.INFERENCE).body(TestData.bytes(TestData.toy("demo/demo_text_recog.jpg")))
                    .post("/predictions/" + name).then().statusCode(200).body("text", equalTo("STAR"));
            mgmt().delete("/models/" + name).then().statusCode(200);
        }
    }

    @Test
    void registrationParametersOverrideTheArchiveAndShowInDescribe() {
        Path a = TestData.recArchive("rec_params", "1.0", "minWorkers: 2\nbatchSize: 2\nresponseTimeout: 50\n");
        mgmt().post("/models?url=" + TestData.fileUrl(a) + "&initial_workers=1&max_workers=3&batch_size=4"
                + "&max_batch_delay=7&response_timeout=30&startup_timeout=60&job_queue_size=7&device=cpu")
                .then().statusCode(200);
        mgmt().get("/models/rec_params").then().body("[0].minWorkers", equalTo(1)).body("[0].maxWorkers", equalTo(3))
                .body("[0].batchSize", equalTo(4)).body("[0].maxBatchDelay", equalTo(7))
                .body("[0].responseTimeout", equalTo(30)).body("[0].startupTimeout", equalTo(60))
                .body("[0].jobQueueStatus.remainingCapacity", equalTo(7)).body("[0].workers[0].device", equalTo("cpu"))
                .body("[0].workers[0].gpu", equalTo(false));
        mgmt().delete("/models/rec_params").then().statusCode(200);
        mgmt().post("/models?url=" + TestData.fileUrl(a) + "&device=tpu").then().statusCode(400)
                .body("message", containsString("tpu"));
        mgmt().post("/models?url=" + TestData.fileUrl(a) + "&response_timeout=0").then().statusCode(400);
        mgmt().post("/models?url=" + TestData.fileUrl(a) + "&job_queue_size=-1").then().statusCode(400);
    }

    @Test
    void modelNameParameterOverridesManifest() {
        Path a = TestData.recArchive("rec_named", "1.0", null);
        mgmt().post("/models?model_name=rec_renamed&url=" + TestData.fileUrl(a)).then().statusCode(200)
                .body("status", containsString("rec_renamed"));
        mgmt().delete("/models/rec_renamed").then().statusCode(200);
    }

    @Test
    void refusesBadRegistrations() throws IOException {
        mgmt().post("/models").then().statusCode(400).body("message", containsString("url"));
        mgmt().post("/models?url=../../etc/passwd").then().statusCode(404).body("message", containsString("Relative"));
        mgmt().post("/models?url=missing.mar").then().statusCode(404).body("message", containsString("missing.mar"));
        mgmt().post("/models?url=http://127.0.0.1:9/evil.mar").then().statusCode(404)
                .body("message", containsString("allowed"));
        mgmt().post("/models?url=" + TestData.fileUrl(TestData.detArchive("d", "1", null)) + "&batch_size=x")
                .then().statusCode(400).body("message", equalTo("Invalid value for parameter batch_size: 'x' is not an integer"));
        mgmt().post("/models?url=x.mar&synchronous=maybe").then().statusCode(400);

        Path dir = Files.createTempDirectory("bad-archives");
        Path notZip = Files.writeString(dir.resolve("junk.mar"), "this is not an archive");
        mgmt().post("/models?url=" + TestData.fileUrl(notZip)).then().statusCode(400)
                .body("message", containsString("not a model archive"));
        Path noManifest = zip(dir.resolve("nomanifest.mar"), "model.onnx", "x");
        mgmt().post("/models?url=" + TestData.fileUrl(noManifest)).then().statusCode(400)
                .body("message", containsString("MANIFEST.json"));
        Path slip = zip(dir.resolve("slip.mar"), "../../evil.txt", "x");
        mgmt().post("/models?url=" + TestData.fileUrl(slip)).then().statusCode(400)
                .body("message", containsString("outside the archive"));
        Path mmocr = zip(dir.resolve("mmocr.mar"), "MAR-INF/MANIFEST.json",
                "{\"runtime\":\"python\",\"model\":{\"modelName\":\"dbnet\",\"modelVersion\":\"1.0\","
                        + "\"serializedFile\":\"dbnet_r18.pth\",\"handler\":\"mmocr_handler.py\"}}");
        mgmt().post("/models?url=" + TestData.fileUrl(mmocr)).then().statusCode(400)
                .body("message", containsString("mmocr2torchserve")).body("message", containsString("ONNX"));
        Path noVersion = zip(dir.resolve("nov.mar"), "MAR-INF/MANIFEST.json",
                "{\"runtime\":\"onnx\",\"model\":{\"modelName\":\"x\"}}");
        mgmt().post("/models?url=" + TestData.fileUrl(noVersion)).then().statusCode(400)
                .body("message", containsString("modelVersion"));
        // nothing of the failed registrations is left behind
        mgmt().get("/models/dbnet").then().statusCode(404);
    }

    @Test
    void workersThatCannotLoadGive500AndNothingRegistered() throws IOException {
        Path bogus = Files.createTempFile("bogus", ".onnx");
        Files.writeString(bogus, "not an onnx model");
        Path a = TestData.archive("det_broken", "1.0", bogus, "textdet/ppocr_det.yaml", java.util.List.of(), null,
                io.ocrserve.serving.archive.ArchiveUnpacker.Format.TAR_GZ);
        mgmt().post("/models?url=" + TestData.fileUrl(a)).then().statusCode(500)
                .body("type", equalTo("InternalServerException")).body("message", containsString("det_broken"));
        mgmt().get("/models/det_broken").then().statusCode(404);
    }

    @Test
    void downloadsRemoteArchivesOnlyFromAllowedUrls() throws Exception {
        byte[] archive = Files.readAllBytes(TestData.recArchive("rec_remote", "1.0", null));
        com.sun.net.httpserver.HttpServer server = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            boolean known = exchange.getRequestURI().getPath().endsWith("/rec_remote.mar");
            exchange.sendResponseHeaders(known ? 200 : 404, known ? archive.length : -1);
            if (known) {
                exchange.getResponseBody().write(archive);
            }
            exchange.close();
        });
        server.start();
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            // allowed_urls in the test profile: file:.* and http://127.0.0.1:<port>/allowed/.*
            mgmt().post("/models?url=" + base + "/denied/rec_remote.mar").then().statusCode(404)
                    .body("message", containsString("allowed"));
            mgmt().post("/models?url=" + base + "/allowed/missing.mar").then().statusCode(400)
                    .body("message", containsString("404"));
            mgmt().post("/models?url=" + base + "/allowed/rec_remote.mar").then().statusCode(200);
            mgmt().get("/models/rec_remote").then().statusCode(200)
                    .body("[0].modelUrl", equalTo(base + "/allowed/rec_remote.mar"));
            mgmt().delete("/models/rec_remote").then().statusCode(200);
        } finally {
            server.stop(0);
        }
    }

    private static Path zip(Path target, String entry, String content) throws IOException {
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(target))) {
            z.putNextEntry(new ZipEntry(entry));
            z.write(content.getBytes());
            z.closeEntry();
        }
        return target;
    }
}
