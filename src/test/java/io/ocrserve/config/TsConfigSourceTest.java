package io.ocrserve.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class TsConfigSourceTest {

    @Test
    void mapsTorchServeKeysAndAddresses() {
        Properties file = new Properties();
        file.setProperty("inference_address", "http://0.0.0.0:9080");
        file.setProperty("management_address", "http://127.0.0.1:9081");
        file.setProperty("metrics_address", "http://[::1]:9082");
        file.setProperty("model_store", "/srv/models");
        file.setProperty("load_models", "all");
        file.setProperty("job_queue_size", "7");
        file.setProperty("number_of_netty_threads", "4");
        TsConfigSource s = new TsConfigSource(file, Map.of());
        assertEquals("0.0.0.0", s.getValue("quarkus.http.host"));
        assertEquals("9080", s.getValue("quarkus.http.port"));
        assertEquals("9081", s.getValue("ocrserve.management.port"));
        assertEquals("::1", s.getValue("quarkus.management.host"));
        assertEquals("9082", s.getValue("quarkus.management.port"));
        assertEquals("/srv/models", s.getValue("ocrserve.model-store"));
        assertEquals("all", s.getValue("ocrserve.load-models"));
        assertEquals("7", s.getValue("ocrserve.job-queue-size"));
        assertNull(s.getValue("number_of_netty_threads"));
    }

    @Test
    void environmentWinsOverTheFile() {
        Properties file = new Properties();
        file.setProperty("job_queue_size", "7");
        TsConfigSource s = new TsConfigSource(file, Map.of("TS_JOB_QUEUE_SIZE", "9", "TS_MAX_REQUEST_SIZE", "1000",
                "TS_MANAGEMENT_KEY", "k"));
        assertEquals("9", s.getValue("ocrserve.job-queue-size"));
        assertEquals("1000", s.getValue("ocrserve.max-request-size"));
        assertEquals("k", s.getValue("ocrserve.auth.management-token"));
    }

    @Test
    void badAddressIsAnError() {
        Properties file = new Properties();
        file.setProperty("inference_address", "localhost");
        assertThrows(IllegalArgumentException.class, () -> new TsConfigSource(file, Map.of()));
    }
}
