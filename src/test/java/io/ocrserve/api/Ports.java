package io.ocrserve.api;

/** The test profile's listeners (application.properties, %test). */
final class Ports {
    static final int INFERENCE = 18080;
    static final int MANAGEMENT = 18081;
    static final int METRICS = 18082;

    private Ports() {}
}
