package io.ocrserve.api;

import static io.restassured.RestAssured.given;

/** Startup models load in the background; API tests wait for /ping to say Healthy first. */
final class Ready {
    private static volatile boolean ready;

    private Ready() {}

    static void await() {
        long deadline = System.currentTimeMillis() + 120_000;
        while (!ready) {
            if (given().port(Ports.INFERENCE).get("/ping").statusCode() == 200) {
                ready = true;
                return;
            }
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("the server did not become healthy within 120 s");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
