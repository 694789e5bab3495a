package io.ocrserve.serving.archive;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The model config file of an archive (YAML, MMOCR's key names): which task the handler performs, the engine
 * and device, and the task's own sections (preprocessing, postprocessor, label_convertor, ...), which are
 * handed to the {@code ocr} factories as they are.
 */
public record ModelConfig(String task, String engine, String device, Map<String, String> engineOptions,
        Map<String, Object> raw) {

    public static final Set<String> TASKS = Set.of("textdet", "textrecog", "ocr", "textcls");

    @SuppressWarnings("unchecked")
    public static ModelConfig from(Map<String, Object> yaml) {
        Object task = yaml.get("task");
        if (!(task instanceof String t) || !TASKS.contains(t.toLowerCase(Locale.ROOT))) {
            throw new ArchiveException("model config: 'task' must be one of " + TASKS + ", got " + task);
        }
        Map<String, String> options = new LinkedHashMap<>();
        Object opts = yaml.get("engine_options");
        if (opts instanceof Map<?, ?> m) {
            m.forEach((k, v) -> options.put(String.valueOf(k), String.valueOf(v)));
        } else if (opts != null) {
            throw new ArchiveException("model config: 'engine_options' must be a mapping");
        }
        return new ModelConfig(t.toLowerCase(Locale.ROOT), string(yaml, "engine"), string(yaml, "device"), options,
                yaml);
    }

    /** A sub-mapping such as {@code preprocessing}; empty when absent. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> section(String key) {
        Object v = raw.get(key);
        if (v == null) {
            return Map.of();
        }
        if (!(v instanceof Map<?, ?>)) {
            throw new ArchiveException("model config: '" + key + "' must be a mapping");
        }
        return (Map<String, Object>) v;
    }

    public String string(String key) {
        return string(raw, key);
    }

    @SuppressWarnings("unchecked")
    public List<Object> list(String key) {
        Object v = raw.get(key);
        return v instanceof List<?> l ? (List<Object>) l : List.of();
    }

    private static String string(Map<String, Object> yaml, String key) {
        Object v = yaml.get(key);
        return v == null ? null : String.valueOf(v);
    }
}
