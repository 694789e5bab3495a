package io.ocrserve.eval.datasets;

import java.nio.file.Path;

/** A dataset that cannot be read: missing, unreadable or corrupt files. The message says what to fix. */
public class DatasetException extends RuntimeException {
    private final String format;
    private final Path path;

    public DatasetException(String format, Path path, String message) {
        this(format, path, message, null);
    }

    public DatasetException(String format, Path path, String message, Throwable cause) {
        super(format + " dataset " + path + ": " + message, cause);
        this.format = format;
        this.path = path;
    }

    public String format() {
        return format;
    }

    public Path path() {
        return path;
    }
}
