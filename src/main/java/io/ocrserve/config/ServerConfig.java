package io.ocrserve.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.util.List;
import java.util.Optional;

/**
 * ocrserve's own settings. TorchServe's config.properties keys and TS_* environment variables are mapped onto
 * these names by {@link TsConfigSource}; see the README for the table.
 */
@ConfigMapping(prefix = "ocrserve")
public interface ServerConfig {

    Management management();

    /** TorchServe config.properties to read (read early by {@link TsConfigSource}; declared here so it validates). */
    Optional<String> tsConfig();

    /** Folder holding model archives; registration by file name resolves inside it. */
    @WithDefault("model-store")
    String modelStore();

    /** {@code all}, a list of archive files, or {@code name=file} entries, loaded at startup. */
    Optional<List<String>> loadModels();

    @WithDefault("100")
    int jobQueueSize();

    @WithDefault("1")
    int defaultWorkersPerModel();

    /** Largest request body in bytes (TorchServe's max_request_size). */
    @WithDefault("6553500")
    long maxRequestSize();

    /** Regexes a remote archive URL must match; empty = only the model store may be used. */
    Optional<List<String>> allowedUrls();

    /** Largest decoded image, in pixels, that handlers accept. */
    @WithDefault("50000000")
    long maxImagePixels();

    /** Limits when unpacking archives (zip bombs, absurd entry counts). */
    @WithDefault("10000")
    int archiveMaxEntries();

    @WithDefault("4294967296")
    long archiveMaxBytes();

    Snapshot snapshot();

    Auth auth();

    Jobs jobs();

    interface Management {
        @WithDefault("127.0.0.1")
        String host();

        @WithDefault("8081")
        int port();
    }

    interface Snapshot {
        @WithDefault("true")
        boolean enabled();

        @WithDefault("snapshots")
        String dir();
    }

    interface Auth {
        /** Bearer token required on the inference port (absent = open). */
        @WithName("inference-token")
        Optional<String> inferenceToken();

        /** Bearer token required on the management port (absent = open). */
        @WithName("management-token")
        Optional<String> managementToken();
    }

    interface Jobs {
        /** Dataset paths of evaluation jobs resolve inside this folder; anything outside is refused. */
        @WithDefault("data")
        @WithName("data-root")
        String dataRoot();

        /** Where jobs are kept: one folder per job (job.json, log.txt, artifacts/). */
        @WithDefault("jobs")
        String dir();

        /** Jobs that run at once; the others wait in submission order. */
        @WithDefault("1")
        int concurrent();

        /** Inference requests one evaluation keeps in flight (bounded so the model's queue is not flooded). */
        @WithDefault("32")
        @WithName("max-in-flight")
        int maxInFlight();
    }
}
