package io.ocrserve.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.fail;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;

/** Helpers of the job API tests: submit, wait, read. */
final class Jobs {
    /** Dataset paths relative to the test profile's data root (../shared/data). */
    static final String TOY = "mmocr-toy/";

    private Jobs() {}

    static Map<String, Object> evaluate(String model, String format, String annotations, String images, List<String> metrics) {
        Map<String, Object> dataset = new java.util.LinkedHashMap<>();
        dataset.put("format", format);
        dataset.put("annotations", annotations);
        if (images != null) {
            dataset.put("images", images);
        }
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("type", "evaluate");
        body.put("model", model);
        body.put("dataset", dataset);
        if (metrics != null) {
            body.put("metrics", metrics);
        }
        return body;
    }

    static Response post(Object body) {
        return given().port(Ports.MANAGEMENT).contentType(ContentType.JSON).body(body).post("/jobs");
    }

    /** Submits and returns the job id (asserting 202 and a Location header). */
    static String submit(Object body) {
        Response r = post(body);
        if (r.statusCode() != 202) {
            fail("expected 202, got " + r.statusCode() + ": " + r.asString());
        }
        String id = r.jsonPath().getString("id");
        if (!r.header("Location").endsWith("/jobs/" + id)) {
            fail("Location " + r.header("Location") + " is not the job " + id);
        }
        return id;
    }

    static JsonPath get(String id) {
        return given().port(Ports.MANAGEMENT).get("/jobs/" + id).then().statusCode(200).extract().jsonPath();
    }

    /** Waits until the job has ended and returns it. */
    static JsonPath await(String id) {
        long deadline = System.currentTimeMillis() + 300_000;
        while (System.currentTimeMillis() < deadline) {
            JsonPath j = get(id);
            String s = j.getString("state");
            if (s.equals("succeeded") || s.equals("failed") || s.equals("cancelled")) {
                return j;
            }
            sleep(200);
        }
        throw new AssertionError("job " + id + " did not end within 300 s: " + get(id).prettify());
    }

    /** Waits until {@code check} holds for the job (or fails after 120 s). */
    static JsonPath awaitUntil(String id, java.util.function.Predicate<JsonPath> check) {
        long deadline = System.currentTimeMillis() + 120_000;
        while (System.currentTimeMillis() < deadline) {
            JsonPath j = get(id);
            if (check.test(j)) {
                return j;
            }
            sleep(50);
        }
        throw new AssertionError("job " + id + " never reached the expected state: " + get(id).prettify());
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
