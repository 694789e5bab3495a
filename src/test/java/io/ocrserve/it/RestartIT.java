package io.ocrserve.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.ocrserve.TestData;
import io.ocrserve.bench.ServerProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Register two versions, set a default, kill the process hard, start again: the same registry is served. */
class RestartIT {
    @TempDir
    Path tmp;

    @Test
    void registryComesBackAfterAHardKill() throws Exception {
        Path store = Files.createDirectories(tmp.resolve("store"));
        Files.copy(TestData.recArchive("reader", "1.0", null), store.resolve("reader-1.mar"));
        Files.copy(TestData.recArchive("reader", "2.0", null), store.resolve("reader-2.mar"),
                StandardCopyOption.REPLACE_EXISTING);
        Map<String, String> props = Map.of("ocrserve.model-store", store.toString(), "ocrserve.snapshot.dir",
                tmp.resolve("snapshots").toString(), "ocrserve.load-models", "none");
        byte[] word = TestData.bytes(TestData.toy("demo/demo_text_recog.jpg"));
        Path log = tmp.resolve("server.log");

        ServerProcess first = Servers.start(props, log);
        try {
            first.awaitHealthy(Duration.ofSeconds(120));
            given().port(first.managementPort).post("/models?url=reader-1.mar&initial_workers=1").then().statusCode(200);
            given().port(first.managementPort).post("/models?url=reader-2.mar&initial_workers=2&batch_size=4")
                    .then().statusCode(200);
            given().port(first.managementPort).put("/models/reader/2.0/set-default").then().statusCode(200);
            first.killHard();
        } finally {
            first.close();
        }

        try (ServerProcess second = Servers.start(props, log)) {
            second.awaitHealthy(Duration.ofSeconds(120));
            given().port(second.managementPort).get("/models/reader/all").then().statusCode(200).body("", hasSize(2))
                    .body("modelVersion", containsInAnyOrder("1.0", "2.0"));
            given().port(second.managementPort).get("/models/reader").then().body("[0].modelVersion", equalTo("2.0"))
                    .body("[0].isDefault", equalTo(true)).body("[0].minWorkers", equalTo(2))
                    .body("[0].batchSize", equalTo(4)).body("[0].workers", hasSize(2));
            given().port(second.inferencePort).body(word).post("/predictions/reader").then().statusCode(200)
                    .body("text", equalTo("STAR"));
            given().port(second.inferencePort).body(word).post("/predictions/reader/1.0").then().statusCode(200)
                    .body("text", equalTo("STAR"));
        }
    }
}
