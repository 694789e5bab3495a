package io.ocrserve.jobs;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.Map;

/** A job as it is listed, answered and kept on disk (job.json). Immutable: every change makes a copy. */
public record JobInfo(String id, String type, JobState state, double progress,
        @JsonProperty("eta_seconds") Long etaSeconds, String created, String started, String finished,
        JobRequest request, Map<String, Object> metrics, String error) {

    static JobInfo queued(String id, JobRequest request, Instant now) {
        return new JobInfo(id, request.type(), JobState.QUEUED, 0, null, now.toString(), null, null, request, null, null);
    }

    JobInfo running(Instant now) {
        return new JobInfo(id, type, JobState.RUNNING, 0, null, created, now.toString(), null, request, null, null);
    }

    JobInfo progressed(double p, Long eta) {
        return new JobInfo(id, type, state, p, eta, created, started, finished, request, metrics, error);
    }

    JobInfo succeeded(Map<String, Object> m, Instant now) {
        return new JobInfo(id, type, JobState.SUCCEEDED, 1, 0L, created, started, now.toString(), request, m, null);
    }

    JobInfo ended(JobState s, String why, Instant now) {
        return new JobInfo(id, type, s, progress, null, created, started, now.toString(), request, metrics, why);
    }

    /** Seconds from start to end (or to now while running); 0 before it starts. */
    double durationSeconds(Instant now) {
        if (started == null) {
            return 0;
        }
        return (java.time.Duration.between(Instant.parse(started), finished != null ? Instant.parse(finished) : now).toMillis()) / 1000.0;
    }
}
