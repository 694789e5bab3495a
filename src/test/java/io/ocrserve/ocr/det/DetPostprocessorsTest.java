package io.ocrserve.ocr.det;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class DetPostprocessorsTest {
    @Test
    void buildsDbWithMmocrKeys() {
        DetPostprocessor p = DetPostprocessors.create("DBPostprocessor",
                Map.of("type", "DBPostprocessor", "text_repr_type", "quad", "mask_thr", 0.3, "min_text_score", 0.6,
                        "unclip_ratio", 1.5, "max_candidates", 1000));
        DbParams params = ((DbPostprocessor) p).params();
        assertEquals(TextRepr.QUAD, params.textReprType());
        assertEquals(0.6, params.minTextScore());
        assertEquals(1000, params.maxCandidates());
        assertEquals(5, params.minTextWidth()); // default kept
    }

    @Test
    void buildsEveryType() {
        assertInstanceOf(PanPostprocessor.class, DetPostprocessors.create("PANPostprocessor",
                Map.of("text_repr_type", "quad", "min_text_avg_confidence", 0.85, "min_text_area", 16)));
        assertInstanceOf(PsePostprocessor.class, DetPostprocessors.create("PSEPostprocessor",
                Map.of("min_kernel_confidence", 0.5, "min_kernel_area", 0)));
        assertInstanceOf(FcePostprocessor.class, DetPostprocessors.create("FCEPostprocessor",
                Map.of("fourier_degree", 5, "num_reconstr_points", 50, "alpha", 1.2, "beta", 1.0,
                        "scales", List.of(8, 16, 32))));
        assertInstanceOf(TextSnakePostprocessor.class, DetPostprocessors.create("TextSnakePostprocessor", Map.of()));
    }

    @Test
    void unknownKeyIsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DetPostprocessors.create("DBPostprocessor", Map.of("mask_threshold", 0.3)));
        assertTrue(e.getMessage().contains("mask_threshold"), e.getMessage());
    }

    @Test
    void wrongTypesAndUnknownPostprocessorAreRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> DetPostprocessors.create("DBPostprocessor", Map.of("mask_thr", "high")));
        assertThrows(IllegalArgumentException.class,
                () -> DetPostprocessors.create("DBPostprocessor", Map.of("max_candidates", 1.5)));
        assertThrows(IllegalArgumentException.class,
                () -> DetPostprocessors.create("DBPostprocessor", Map.of("text_repr_type", "box")));
        assertThrows(IllegalArgumentException.class, () -> DetPostprocessors.create("DRRGPostprocessor", Map.of()));
    }
}
