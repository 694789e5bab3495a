package io.ocrserve.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import io.ocrserve.TestData;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Prometheus text on the metrics port, with the meters the README maps from TorchServe's names. */
@QuarkusTest
class MetricsTest {

    @BeforeEach
    void ready() {
        Ready.await();
    }

    @Test
    void servesPrometheusMetricsOnItsOwnPort() {
        given().body(TestData.bytes(TestData.toy("demo/demo_text_recog.jpg"))).post("/predictions/ppocr_rec")
                .then().statusCode(200);
        given().get("/nope").then().statusCode(404);
        given().port(Ports.METRICS).accept("text/plain").get("/metrics").then().statusCode(200)
                .contentType(containsString("text/plain"))
                .body(containsString("ocrserve_requests_total{port=\"inference\",status_class=\"2XX\""))
                .body(containsString("ocrserve_requests_total{port=\"inference\",status_class=\"4XX\""))
                .body(containsString("ocrserve_inference_latency_seconds{model_name=\"ppocr_rec\",model_version=\"1.0\",quantile=\"0.99\""))
                .body(containsString("ocrserve_inference_latency_seconds_bucket{model_name=\"ppocr_rec\""))
                .body(containsString("ocrserve_queue_latency_seconds{model_name=\"ppocr_rec\",model_version=\"1.0\",quantile=\"0.5\""))
                .body(containsString("ocrserve_inference_requests_total{model_name=\"ppocr_rec\",model_version=\"1.0\",result=\"ok\""))
                .body(containsString("ocrserve_batch_size_count{model_name=\"ppocr_rec\""))
                .body(containsString("ocrserve_queue_depth{model_name=\"ppocr_det\""))
                .body(org.hamcrest.Matchers.matchesPattern("(?s).*\nocrserve_workers\\{model_name=\"ppocr_det\",model_version=\"1.0\",?\\} 1.0\n.*"))
                .body(containsString("ocrserve_model_load_seconds_count{model_name=\"ppocr_det\""))
                .body(containsString("jvm_memory_used_bytes")).body(containsString("process_cpu_usage"));
        // TorchServe's name[] filter
        String filtered = given().port(Ports.METRICS).get("/metrics?name[]=ocrserve_workers&name[]=process_cpu_usage")
                .then().statusCode(200).extract().asString();
        org.junit.jupiter.api.Assertions.assertTrue(filtered.contains("ocrserve_workers{"), filtered);
        org.junit.jupiter.api.Assertions.assertTrue(filtered.contains("process_cpu_usage"), filtered);
        org.junit.jupiter.api.Assertions.assertFalse(filtered.contains("jvm_memory_used_bytes"), filtered);
        given().port(Ports.METRICS).options("/").then().statusCode(200)
                .body("paths", org.hamcrest.Matchers.hasKey("/metrics"));
        // metrics are not served on the API ports
        given().get("/metrics").then().statusCode(404);
        given().port(Ports.MANAGEMENT).get("/metrics").then().statusCode(404);
    }
}
