package io.ocrserve.jobs;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.ToIntBiFunction;

/** Prometheus: jobs by type and state, job duration, evaluation throughput. */
final class JobMetrics {
    private final MeterRegistry meters;
    private final AtomicReference<Double> imagesPerSecond = new AtomicReference<>(0.0);

    JobMetrics(MeterRegistry meters, ToIntBiFunction<String, JobState> count) {
        this.meters = meters;
        for (JobState s : JobState.values()) {
            Gauge.builder("ocrserve_jobs", () -> count.applyAsInt(JobRequest.EVALUATE, s))
                    .description("Jobs by type and state").tag("type", JobRequest.EVALUATE).tag("state", s.label())
                    .register(meters);
        }
        Gauge.builder("ocrserve_eval_images_per_second", imagesPerSecond, AtomicReference::get)
                .description("Images per second of the running (or last) evaluation").register(meters);
    }

    void finished(String type, JobState state, double seconds) {
        Timer.builder("ocrserve_job_duration").description("Job run time, from start to end")
                .tag("type", type).tag("state", state.label()).register(meters)
                .record(Duration.ofMillis((long) (seconds * 1000)));
    }

    /** One more image through an evaluation. */
    void image() {
        Counter.builder("ocrserve_eval_images").description("Images run through evaluations").register(meters)
                .increment();
    }

    void rate(double perSecond) {
        imagesPerSecond.set(perSecond);
    }
}
