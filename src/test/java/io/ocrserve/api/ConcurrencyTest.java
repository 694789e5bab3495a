package io.ocrserve.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ocrserve.TestData;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** 8 clients x 50 requests against one worker with batch_size 4: all answered correctly, in real batches. */
@QuarkusTest
class ConcurrencyTest {

    @BeforeEach
    void ready() {
        Ready.await();
    }

    @Test
    void eightClientsFiftyRequestsOneBatchingWorker() throws Exception {
        Path archive = TestData.recArchive("rec_batch", "1.0", "minWorkers: 1\nbatchSize: 4\nmaxBatchDelay: 50\n");
        given().port(Ports.MANAGEMENT).post("/models?url=" + TestData.fileUrl(archive)).then().statusCode(200);
        given().port(Ports.MANAGEMENT).get("/models/rec_batch").then().body("[0].workers.size()",
                org.hamcrest.Matchers.equalTo(1));

        List<byte[]> images = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        try (var files = Files.list(TestData.toy("ocr_toy_dataset/imgs"))) {
            for (Path p : files.sorted().toList()) {
                byte[] img = Files.readAllBytes(p);
                images.add(img);
                // one at a time first: the reference answers
                expected.add(given().body(img).post("/predictions/rec_batch").then().statusCode(200).extract().path("text"));
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Integer>> clients = new ArrayList<>();
        for (int c = 0; c < 8; c++) {
            int client = c;
            clients.add(pool.submit(() -> {
                int ok = 0;
                for (int r = 0; r < 50; r++) {
                    int i = (client * 50 + r) % images.size();
                    var response = given().body(images.get(i)).post("/predictions/rec_batch");
                    assertEquals(200, response.statusCode(), response.asString());
                    assertEquals(expected.get(i), response.path("text"), "answer for image " + i);
                    ok++;
                }
                return ok;
            }));
        }
        int answered = 0;
        for (Future<Integer> f : clients) {
            answered += f.get(300, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertEquals(400, answered);

        String metrics = given().port(Ports.METRICS).get("/metrics").then().statusCode(200).extract().asString();
        double count = metric(metrics, "ocrserve_batch_size_count");
        double sum = metric(metrics, "ocrserve_batch_size_sum");
        double max = metric(metrics, "ocrserve_batch_size_max");
        assertEquals(400 + images.size(), sum, 0.0, "every request went through a batch");
        assertTrue(count < sum, "batches averaged more than one request: " + sum + " requests in " + count + " batches");
        assertTrue(max > 1 && max <= 4, "largest batch " + max + " within batch_size 4");
        given().port(Ports.MANAGEMENT).delete("/models/rec_batch").then().statusCode(200);
    }

    private static double metric(String text, String name) {
        Matcher m = Pattern.compile("(?m)^" + name + "\\{[^}]*model_name=\"rec_batch\"[^}]*\\} (\\S+)$").matcher(text);
        assertTrue(m.find(), name + " for rec_batch not in /metrics");
        return Double.parseDouble(m.group(1));
    }
}
