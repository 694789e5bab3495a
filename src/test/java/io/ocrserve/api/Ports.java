package io.ocrserve.api;

/** The test profile's listeners (application.properties, %test). */
final class Ports {
    static final int INFERENCE = Integer.getInteger("test.inference.port", 18080);
    static final int MANAGEMENT = Integer.getInteger("test.management.port", 18081);
    static final int METRICS = Integer.getInteger("test.metrics.port", 18082);

    private Ports() {}
}
