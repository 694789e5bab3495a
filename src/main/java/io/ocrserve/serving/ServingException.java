package io.ocrserve.serving;

/** A failure the serving layer reports to callers; {@code api} maps the {@link Reason} to an HTTP status. */
public class ServingException extends RuntimeException {

    public enum Reason {
        BAD_REQUEST, NOT_FOUND, FORBIDDEN, CONFLICT, TOO_LARGE, QUEUE_FULL, NO_WORKERS, TIMEOUT, OUT_OF_MEMORY, INTERNAL
    }

    private final Reason reason;

    public ServingException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public ServingException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    public static ServingException badRequest(String message) {
        return new ServingException(Reason.BAD_REQUEST, message);
    }

    public static ServingException notFound(String message) {
        return new ServingException(Reason.NOT_FOUND, message);
    }

    public static ServingException conflict(String message) {
        return new ServingException(Reason.CONFLICT, message);
    }
}
