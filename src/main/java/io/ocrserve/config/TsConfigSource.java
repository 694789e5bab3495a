package io.ocrserve.config;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Reads TorchServe's {@code config.properties} (path from {@code -Docrserve.ts-config}, env
 * {@code TS_CONFIG_FILE}) and {@code TS_<KEY>} environment variables, and exposes them under ocrserve's and
 * Quarkus' property names. Environment variables win over the file; Quarkus' own env vars and system
 * properties win over both.
 */
public class TsConfigSource implements ConfigSource {

    /** TorchServe key -> ocrserve property (addresses are handled separately: they split into host and port). */
    static final Map<String, String> KEYS = Map.ofEntries(
            Map.entry("model_store", "ocrserve.model-store"),
            Map.entry("load_models", "ocrserve.load-models"),
            Map.entry("job_queue_size", "ocrserve.job-queue-size"),
            Map.entry("default_workers_per_model", "ocrserve.default-workers-per-model"),
            Map.entry("max_request_size", "ocrserve.max-request-size"),
            Map.entry("allowed_urls", "ocrserve.allowed-urls"),
            Map.entry("model_snapshot", "ocrserve.snapshot.enabled"),
            Map.entry("snapshot_dir", "ocrserve.snapshot.dir"),
            Map.entry("inference_key", "ocrserve.auth.inference-token"),
            Map.entry("management_key", "ocrserve.auth.management-token"),
            Map.entry("max_image_pixels", "ocrserve.max-image-pixels"));

    static final Map<String, String[]> ADDRESSES = Map.of(
            "inference_address", new String[] {"quarkus.http.host", "quarkus.http.port"},
            "management_address", new String[] {"ocrserve.management.host", "ocrserve.management.port"},
            "metrics_address", new String[] {"quarkus.management.host", "quarkus.management.port"});

    private final Map<String, String> properties;

    public TsConfigSource() {
        this(loadFile(), System.getenv());
    }

    TsConfigSource(Properties file, Map<String, String> env) {
        Map<String, String> merged = new HashMap<>();
        file.forEach((k, v) -> merged.put(k.toString().trim(), v.toString().trim()));
        for (String key : allKeys()) {
            String value = env.get("TS_" + key.toUpperCase(Locale.ROOT));
            if (value != null) {
                merged.put(key, value.trim());
            }
        }
        Map<String, String> out = new HashMap<>();
        merged.forEach((key, value) -> map(key, value, out));
        this.properties = Map.copyOf(out);
    }

    private static Set<String> allKeys() {
        Set<String> keys = new java.util.HashSet<>(KEYS.keySet());
        keys.addAll(ADDRESSES.keySet());
        return keys;
    }

    private static void map(String key, String value, Map<String, String> out) {
        if (KEYS.containsKey(key)) {
            out.put(KEYS.get(key), value);
        } else if (ADDRESSES.containsKey(key)) {
            String[] names = ADDRESSES.get(key);
            URI uri = URI.create(value);
            if (uri.getHost() == null || uri.getPort() < 0) {
                throw new IllegalArgumentException(key + " must look like http://HOST:PORT, got " + value);
            }
            out.put(names[0], uri.getHost().replace("[", "").replace("]", ""));
            out.put(names[1], Integer.toString(uri.getPort()));
        }
        // Other TorchServe keys (number_of_netty_threads, ...) have no meaning here and are ignored.
    }

    private static Properties loadFile() {
        String path = System.getProperty("ocrserve.ts-config", System.getenv("TS_CONFIG_FILE"));
        Properties props = new Properties();
        if (path == null || path.isBlank()) {
            return props;
        }
        try (Reader reader = Files.newBufferedReader(Path.of(path), StandardCharsets.UTF_8)) {
            props.load(reader);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read TorchServe config file " + path + ": " + e.getMessage(), e);
        }
        return props;
    }

    @Override
    public Set<String> getPropertyNames() {
        return properties.keySet();
    }

    @Override
    public String getValue(String propertyName) {
        return properties.get(propertyName);
    }

    @Override
    public String getName() {
        return "TorchServe config.properties and TS_* environment";
    }

    @Override
    public int getOrdinal() {
        // above application.properties (250), below Quarkus env vars (300) and system properties (400)
        return 275;
    }
}
