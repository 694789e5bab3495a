package io.ocrserve.serving.handlers;

import io.ocrserve.ocr.InvalidInputException;
import io.ocrserve.ocr.image.Image;
import io.ocrserve.ocr.image.ImageCodec;
import io.ocrserve.serving.InferenceInput;
import io.ocrserve.serving.ServingException;
import java.util.Locale;

/** Decoding and parameter helpers shared by the handlers. */
final class Inputs {
    private Inputs() {}

    static Image image(InferenceInput input, long maxPixels) {
        if (input.image() != null) {
            return input.image();
        }
        if (input.data() == null || input.data().length == 0) {
            throw new InvalidInputException("empty input: expected an image");
        }
        return ImageCodec.decode(input.data(), maxPixels, false);
    }

    static double number(InferenceInput input, String name, double fallback) {
        String v = input.param(name, null);
        if (v == null) {
            return fallback;
        }
        try {
            return Double.parseDouble(v.trim());
        } catch (NumberFormatException e) {
            throw ServingException.badRequest("Invalid value for parameter " + name + ": '" + v + "' is not a number");
        }
    }

    static boolean flag(InferenceInput input, String name, boolean fallback) {
        String v = input.param(name, null);
        if (v == null) {
            return fallback;
        }
        return switch (v.trim().toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes", "" -> true;
            case "false", "0", "no" -> false;
            default -> throw ServingException.badRequest("Invalid value for parameter " + name + ": '" + v
                    + "' is not true or false");
        };
    }
}
