package io.ocrserve.api;

import io.ocrserve.serving.ServingException;
import java.util.Locale;

/** Strict parameter parsing (ours: TorchServe silently uses the default for a non-numeric integer). */
final class Params {
    private Params() {}

    static Integer integer(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            throw ServingException.badRequest("Invalid value for parameter " + name + ": '" + value
                    + "' is not an integer");
        }
    }

    static Integer integer(String name, String value, int min, int max) {
        Integer v = integer(name, value);
        if (v != null && (v < min || v > max)) {
            throw ServingException.badRequest("Invalid value for parameter " + name + ": " + v + " is outside ["
                    + min + ", " + max + "]");
        }
        return v;
    }

    static boolean bool(String name, String value, boolean fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes" -> true;
            case "false", "0", "no" -> false;
            default -> throw ServingException.badRequest("Invalid value for parameter " + name + ": '" + value
                    + "' is not true or false");
        };
    }
}
