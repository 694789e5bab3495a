package io.ocrserve.serving.archive;

/** An archive that cannot be used; the message names the problem (a 400 for callers). */
public class ArchiveException extends RuntimeException {
    public ArchiveException(String message) {
        super(message);
    }

    public ArchiveException(String message, Throwable cause) {
        super(message, cause);
    }
}
