package io.ocrserve.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ocrserve.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A queue of 2 and 30 simultaneous requests: the excess is refused at once with 503, the rest succeed. */
@QuarkusTest
class OverloadTest {

    @BeforeEach
    void ready() {
        Ready.await();
    }

    record Result(int status, long millis, String body, String retryAfter) {}

    @Test
    void excessRequestsGet503AtOnceAndAcceptedOnesSucceed() throws Exception {
        Path archive = TestData.detArchive("det_small_queue", "1.0",
                "minWorkers: 1\nbatchSize: 1\nmaxBatchDelay: 0\njobQueueSize: 2\n");
        given().port(Ports.MANAGEMENT).post("/models?url=" + TestData.fileUrl(archive)).then().statusCode(200);
        byte[] photo = TestData.bytes(TestData.toy("toy_dataset/imgs/test/img_1.jpg"));

        ExecutorService pool = Executors.newFixedThreadPool(30);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Result>> futures = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            futures.add(pool.submit(() -> {
                start.await();
                long t0 = System.nanoTime();
                Response r = given().body(photo).post("/predictions/det_small_queue");
                return new Result(r.statusCode(), (System.nanoTime() - t0) / 1_000_000, r.asString(),
                        r.header("Retry-After"));
            }));
        }
        start.countDown();
        List<Result> results = new ArrayList<>();
        for (Future<Result> f : futures) {
            results.add(f.get(120, TimeUnit.SECONDS));
        }
        pool.shutdown();

        List<Result> ok = results.stream().filter(r -> r.status() == 200).toList();
        List<Result> refused = results.stream().filter(r -> r.status() == 503).toList();
        assertEquals(30, ok.size() + refused.size(), "only 200 and 503: " + results);
        assertTrue(ok.size() >= 3, "the running request and the 2 queued ones succeed: " + ok.size());
        assertTrue(refused.size() >= 15, "most of the excess is refused: " + refused.size());
        long slowestOk = ok.stream().mapToLong(Result::millis).max().orElseThrow();
        for (Result r : refused) {
            assertTrue(r.body().contains("queue") && r.body().contains("full"), r.body());
            assertTrue(r.retryAfter() != null, "Retry-After on 503");
            assertTrue(r.millis() < 5_000, "refused at once, not timed out: " + r.millis() + " ms");
        }
        for (Result r : ok) {
            assertTrue(r.body().contains("boundary_result"), r.body());
        }
        assertTrue(slowestOk >= 0);
        given().get("/ping").then().statusCode(200);
        given().body(photo).post("/predictions/det_small_queue").then().statusCode(200);
        given().port(Ports.MANAGEMENT).delete("/models/det_small_queue").then().statusCode(200);
    }
}
