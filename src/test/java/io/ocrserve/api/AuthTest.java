package io.ocrserve.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.ocrserve.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Bearer tokens: separate keys for inference and management; a missing or wrong one is a 401. */
@QuarkusTest
@TestProfile(AuthTest.Tokens.class)
class AuthTest {

    public static class Tokens implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("ocrserve.auth.inference-token", "inf-secret", "ocrserve.auth.management-token",
                    "mgmt-secret", "ocrserve.load-models", "ppocr_rec.mar");
        }
    }

    @BeforeEach
    void ready() {
        Ready.await();
    }

    @Test
    void inferenceNeedsTheInferenceToken() {
        byte[] word = TestData.bytes(TestData.toy("demo/demo_text_recog.jpg"));
        given().body(word).post("/predictions/ppocr_rec").then().statusCode(401).body("code", equalTo(401))
                .body("type", equalTo("UnauthorizedException")).header("WWW-Authenticate", "Bearer");
        given().auth().oauth2("wrong").body(word).post("/predictions/ppocr_rec").then().statusCode(401);
        given().auth().oauth2("mgmt-secret").body(word).post("/predictions/ppocr_rec").then().statusCode(401);
        given().auth().oauth2("inf-secret").body(word).post("/predictions/ppocr_rec").then().statusCode(200)
                .body("text", equalTo("STAR"));
        // health checks stay open for load balancers and Kubernetes probes
        given().get("/ping").then().statusCode(200);
    }

    @Test
    void managementNeedsTheManagementToken() {
        given().port(Ports.MANAGEMENT).get("/models").then().statusCode(401)
                .body("message", containsString("management"));
        given().port(Ports.MANAGEMENT).auth().oauth2("inf-secret").get("/models").then().statusCode(401);
        given().port(Ports.MANAGEMENT).header("Authorization", "Basic bWdtdC1zZWNyZXQ=").get("/models").then()
                .statusCode(401);
        given().port(Ports.MANAGEMENT).auth().oauth2("mgmt-secret").get("/models").then().statusCode(200)
                .body("models[0].modelName", equalTo("ppocr_rec"));
        // jobs are on the management port and need its token too
        given().port(Ports.MANAGEMENT).get("/jobs").then().statusCode(401);
        given().port(Ports.MANAGEMENT).contentType("application/json").body("{}").post("/jobs").then().statusCode(401);
        given().port(Ports.MANAGEMENT).auth().oauth2("inf-secret").get("/jobs").then().statusCode(401);
        given().port(Ports.MANAGEMENT).auth().oauth2("mgmt-secret").get("/jobs").then().statusCode(200);
    }
}
