package io.ocrserve.ocr.det;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Builds a postprocessor from an MMOCR config ({@code type} plus MMOCR's parameter names). */
public final class DetPostprocessors {
    private DetPostprocessors() {
    }

    /**
     * @param type   DBPostprocessor, PANPostprocessor, PSEPostprocessor, FCEPostprocessor or
     *               TextSnakePostprocessor
     * @param params MMOCR keyword arguments; missing ones take MMOCR's defaults; a {@code type} entry is ignored
     * @throws IllegalArgumentException for an unknown type or key, or a value of the wrong type
     */
    public static DetPostprocessor create(String type, Map<String, Object> params) {
        Args a = new Args(type, params);
        DetPostprocessor p = switch (type) {
            case "DBPostprocessor" -> {
                DbParams d = DbParams.defaults();
                yield new DbPostprocessor(new DbParams(a.repr(d.textReprType()), a.dbl("mask_thr", d.maskThr()),
                        a.dbl("min_text_score", d.minTextScore()), a.dbl("min_text_width", d.minTextWidth()),
                        a.dbl("unclip_ratio", d.unclipRatio()), a.dbl("epsilon_ratio", d.epsilonRatio()),
                        a.integer("max_candidates", d.maxCandidates())));
            }
            case "PANPostprocessor" -> {
                PanParams d = PanParams.defaults();
                yield new PanPostprocessor(new PanParams(a.repr(d.textReprType()),
                        a.dbl("min_text_confidence", d.minTextConfidence()),
                        a.dbl("min_kernel_confidence", d.minKernelConfidence()),
                        a.dbl("min_text_avg_confidence", d.minTextAvgConfidence()),
                        a.integer("min_text_area", d.minTextArea()), a.dbl("downsample_ratio", d.downsampleRatio())));
            }
            case "PSEPostprocessor" -> {
                PseParams d = PseParams.defaults();
                yield new PsePostprocessor(new PseParams(a.repr(d.textReprType()),
                        a.dbl("min_kernel_confidence", d.minKernelConfidence()),
                        a.dbl("min_text_avg_confidence", d.minTextAvgConfidence()),
                        a.integer("min_kernel_area", d.minKernelArea()), a.integer("min_text_area", d.minTextArea()),
                        a.dbl("downsample_ratio", d.downsampleRatio())));
            }
            case "FCEPostprocessor" -> {
                FceParams d = FceParams.defaults();
                yield new FcePostprocessor(new FceParams(a.repr(d.textReprType()),
                        a.integer("fourier_degree", d.fourierDegree()),
                        a.integer("num_reconstr_points", d.numReconstrPoints()), a.dbl("alpha", d.alpha()),
                        a.dbl("beta", d.beta()), a.dbl("score_thr", d.scoreThr()), a.dbl("nms_thr", d.nmsThr()),
                        a.ints("scales", d.scales())));
            }
            case "TextSnakePostprocessor" -> {
                TextSnakeParams d = TextSnakeParams.defaults();
                yield new TextSnakePostprocessor(new TextSnakeParams(a.repr(d.textReprType()),
                        a.dbl("min_text_region_confidence", d.minTextRegionConfidence()),
                        a.dbl("min_center_region_confidence", d.minCenterRegionConfidence()),
                        a.integer("min_center_area", d.minCenterArea()),
                        a.dbl("disk_overlap_thr", d.diskOverlapThr()),
                        a.dbl("radius_shrink_ratio", d.radiusShrinkRatio())));
            }
            default -> throw new IllegalArgumentException("unknown detection postprocessor type: " + type);
        };
        a.checkAllUsed();
        return p;
    }

    /** Typed access to the config map that remembers which keys were read. */
    private static final class Args {
        private final String type;
        private final Map<String, Object> values;
        private final Set<String> used = new java.util.HashSet<>(Set.of("type"));

        Args(String type, Map<String, Object> values) {
            this.type = type;
            this.values = values == null ? Map.of() : new HashMap<>(values);
        }

        TextRepr repr(TextRepr def) {
            used.add("text_repr_type");
            Object v = values.get("text_repr_type");
            if (v == null) {
                return def;
            }
            if (!(v instanceof String s)) {
                throw wrongType("text_repr_type", "a string", v);
            }
            return TextRepr.parse(s);
        }

        double dbl(String key, double def) {
            used.add(key);
            Object v = values.get(key);
            if (v == null) {
                return def;
            }
            if (!(v instanceof Number n)) {
                throw wrongType(key, "a number", v);
            }
            return n.doubleValue();
        }

        int integer(String key, int def) {
            used.add(key);
            Object v = values.get(key);
            if (v == null) {
                return def;
            }
            if (!(v instanceof Integer || v instanceof Long || v instanceof Short)) {
                throw wrongType(key, "an integer", v);
            }
            return Math.toIntExact(((Number) v).longValue());
        }

        int[] ints(String key, int[] def) {
            used.add(key);
            Object v = values.get(key);
            if (v == null) {
                return def;
            }
            if (v instanceof int[] arr) {
                return arr.clone();
            }
            if (!(v instanceof List<?> list)) {
                throw wrongType(key, "a list of integers", v);
            }
            int[] out = new int[list.size()];
            for (int i = 0; i < out.length; i++) {
                if (!(list.get(i) instanceof Integer || list.get(i) instanceof Long)) {
                    throw wrongType(key, "a list of integers", v);
                }
                out[i] = ((Number) list.get(i)).intValue();
            }
            return out;
        }

        void checkAllUsed() {
            for (String key : values.keySet()) {
                if (!used.contains(key)) {
                    throw new IllegalArgumentException("unknown parameter '" + key + "' for " + type);
                }
            }
        }

        private IllegalArgumentException wrongType(String key, String expected, Object v) {
            return new IllegalArgumentException("parameter '" + key + "' of " + type + " must be " + expected
                    + ", got " + v.getClass().getSimpleName() + " " + v);
        }
    }
}
