package io.ocrserve.jobs;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Locale;

/** Where a job is in its life: queued, running, then one of the three final states. */
public enum JobState {
    @JsonProperty("queued") QUEUED,
    @JsonProperty("running") RUNNING,
    @JsonProperty("succeeded") SUCCEEDED,
    @JsonProperty("failed") FAILED,
    @JsonProperty("cancelled") CANCELLED;

    public boolean finished() {
        return this == SUCCEEDED || this == FAILED || this == CANCELLED;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** From the lowercase label ({@code ?state=running}). */
    public static JobState parse(String s) {
        for (JobState v : values()) {
            if (v.label().equalsIgnoreCase(s)) {
                return v;
            }
        }
        throw new JobException(JobException.Kind.BAD_REQUEST, "unknown job state '" + s
                + "'; known: queued, running, succeeded, failed, cancelled");
    }
}
