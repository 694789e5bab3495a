package io.ocrserve.ocr.det;

import java.util.List;

import io.ocrserve.ocr.FloatTensor;

/**
 * Turns one image's detection head output into text polygons. Returned points are in the network input's
 * pixel space (the resized, padded image fed to the model): the caller maps them to the original image with
 * {@link TextPolygon#rescale(double, double)} and the preprocessor's scale factors, for every postprocessor alike.
 */
public interface DetPostprocessor {
    /** @param maps one image's output, CHW (or HW for a single map) */
    List<TextPolygon> process(FloatTensor maps);
}
