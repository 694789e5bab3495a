package io.ocrserve.serving.handlers;

import io.ocrserve.serving.archive.ArchiveException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Typed, strict reading of one section of a model config: a wrong type or a key nobody reads is an error that
 * names the section and the key (a typo must not silently fall back to a default).
 */
final class ConfigMap {
    private final String section;
    private final Map<String, Object> values;
    private final Set<String> read = new HashSet<>();

    ConfigMap(String section, Map<String, Object> values) {
        this.section = section;
        this.values = values == null ? Map.of() : values;
    }

    boolean has(String key) {
        return values.containsKey(key);
    }

    String string(String key, String fallback) {
        read.add(key);
        Object v = values.get(key);
        return v == null ? fallback : v.toString();
    }

    int integer(String key, int fallback) {
        read.add(key);
        Object v = values.get(key);
        if (v == null) {
            return fallback;
        }
        if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
            return n.intValue();
        }
        throw error(key, "an integer", v);
    }

    double number(String key, double fallback) {
        read.add(key);
        Object v = values.get(key);
        if (v == null) {
            return fallback;
        }
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        throw error(key, "a number", v);
    }

    boolean bool(String key, boolean fallback) {
        read.add(key);
        Object v = values.get(key);
        if (v == null) {
            return fallback;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        throw error(key, "true or false", v);
    }

    double[] numbers(String key, double[] fallback) {
        read.add(key);
        Object v = values.get(key);
        if (v == null) {
            return fallback;
        }
        if (v instanceof List<?> list) {
            double[] out = new double[list.size()];
            for (int i = 0; i < out.length; i++) {
                if (!(list.get(i) instanceof Number n)) {
                    throw error(key, "a list of numbers", v);
                }
                out[i] = n.doubleValue();
            }
            return out;
        }
        throw error(key, "a list of numbers", v);
    }

    /** The whole section minus the given keys (passed on to a factory that checks its own keys). */
    Map<String, Object> rest(String... exclude) {
        Map<String, Object> out = new java.util.LinkedHashMap<>(values);
        for (String k : exclude) {
            out.remove(k);
            read.add(k);
        }
        read.addAll(out.keySet());
        return out;
    }

    /** Fails on keys that were never read. */
    void checkAllRead() {
        for (String key : values.keySet()) {
            if (!read.contains(key)) {
                throw new ArchiveException("model config: unknown key '" + key + "' in " + section);
            }
        }
    }

    private ArchiveException error(String key, String expected, Object got) {
        return new ArchiveException("model config: " + section + "." + key + " must be " + expected + ", got " + got);
    }
}
