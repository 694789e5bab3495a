package io.ocrserve.engine;

/** A model could not be loaded or run by its engine. */
public class EngineException extends RuntimeException {
    public EngineException(String message, Throwable cause) {
        super(message, cause);
    }
}
