package io.ocrserve.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.ocrserve.bench.ServerProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server configured only by a TorchServe config.properties: addresses, model store, load_models, limits. */
class TorchServeConfigIT {
    @TempDir
    Path tmp;

    @Test
    void startsFromATorchServeConfigFile() throws Exception {
        Path store = Files.createDirectories(tmp.resolve("store"));
        Files.copy(Path.of("model-store", "ppocr_rec.mar"), store.resolve("ppocr_rec.mar"));
        Path config = tmp.resolve("config.properties");
        Files.writeString(config, String.join("\n",
                "inference_address=http://127.0.0.1:19580",
                "management_address=http://127.0.0.1:19581",
                "metrics_address=http://127.0.0.1:19582",
                "model_store=" + store,
                "load_models=reader=ppocr_rec.mar",
                "job_queue_size=3",
                "max_request_size=1000",
                "model_snapshot=false",
                "number_of_netty_threads=4", // a TorchServe key with no meaning here: ignored
                ""));
        try (ServerProcess server = ServerProcess.start(Servers.JAR, 19580, 19581,
                List.of("-Docrserve.ts-config=" + config), tmp.resolve("server.log"))) {
            server.awaitHealthy(Duration.ofSeconds(120));
            given().port(19581).get("/models").then().statusCode(200).body("models[0].modelName", equalTo("reader"));
            given().port(19581).get("/models/reader").then().body("[0].jobQueueStatus.remainingCapacity", equalTo(3));
            given().port(19580).body(new byte[2000]).post("/predictions/reader").then().statusCode(413)
                    .body("message", containsString("1000"));
            given().port(19582).accept("text/plain").get("/metrics").then().statusCode(200)
                    .body(containsString("ocrserve_workers"));
        }
    }
}
