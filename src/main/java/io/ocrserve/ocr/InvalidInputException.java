package io.ocrserve.ocr;

/** The caller's input cannot be processed (corrupt or oversized image, bad option): a client error. */
public class InvalidInputException extends RuntimeException {
    public InvalidInputException(String message) {
        super(message);
    }

    public InvalidInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
