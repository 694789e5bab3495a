package io.ocrserve.jobs;

/** A job request that cannot be accepted, or a job that does not exist; {@code api} maps the kind to 4xx. */
public class JobException extends RuntimeException {
    public enum Kind { BAD_REQUEST, NOT_FOUND, CONFLICT }

    private final Kind kind;

    public JobException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    public static JobException badRequest(String message) {
        return new JobException(Kind.BAD_REQUEST, message);
    }

    public static JobException notFound(String id) {
        return new JobException(Kind.NOT_FOUND, "job " + id + " does not exist");
    }
}
