package io.ocrserve.serving.worker;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** The meters of one model version (label model_name, model_version), removed again on unregister. */
public final class PoolMetrics {
    private final MeterRegistry registry;
    private final List<Meter> meters = new ArrayList<>();
    final Timer inferenceLatency;
    final Timer queueLatency;
    final Timer handlerLatency;
    final DistributionSummary batchSize;
    final Counter requestsOk;
    final Counter requestsFailed;
    final Counter requestsRejected;
    final Timer loadTime;

    public PoolMetrics(MeterRegistry registry, String model, String version) {
        this.registry = registry;
        Tags tags = Tags.of("model_name", model, "model_version", version);
        inferenceLatency = add(Timer.builder("ocrserve_inference_latency")
                .description("Time from queueing a request to its answer").tags(tags)
                .publishPercentiles(0.5, 0.9, 0.99).publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofSeconds(120))
                .register(registry));
        queueLatency = add(Timer.builder("ocrserve_queue_latency").description("Time a request waited in the queue")
                .tags(tags).publishPercentiles(0.5, 0.9, 0.99).publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofNanos(100_000)).maximumExpectedValue(Duration.ofSeconds(120))
                .register(registry));
        handlerLatency = add(Timer.builder("ocrserve_worker_batch_latency")
                .description("Time a worker spent on one batch (pre/postprocessing and engine)").tags(tags)
                .publishPercentiles(0.5, 0.99).register(registry));
        batchSize = add(DistributionSummary.builder("ocrserve_batch_size").description("Requests per batch")
                .tags(tags).serviceLevelObjectives(1, 2, 4, 8, 16, 32, 64).register(registry));
        requestsOk = add(counter(registry, tags, "ok"));
        requestsFailed = add(counter(registry, tags, "failed"));
        requestsRejected = add(counter(registry, tags, "rejected"));
        loadTime = add(Timer.builder("ocrserve_model_load").description("Time to start a worker (model load)")
                .tags(tags).register(registry));
    }

    void gauges(String model, String version, Supplier<Number> queueDepth, Supplier<Number> workers) {
        Tags tags = Tags.of("model_name", model, "model_version", version);
        add(Gauge.builder("ocrserve_queue_depth", queueDepth).description("Requests waiting in the queue")
                .tags(tags).register(registry));
        add(Gauge.builder("ocrserve_workers", workers).description("Ready workers").tags(tags).register(registry));
    }

    private static Counter counter(MeterRegistry registry, Tags tags, String result) {
        return Counter.builder("ocrserve_inference_requests").description("Inference requests by result")
                .tags(tags).tag("result", result).register(registry);
    }

    private <M extends Meter> M add(M meter) {
        meters.add(meter);
        return meter;
    }

    void remove() {
        meters.forEach(registry::remove);
        meters.clear();
    }
}
