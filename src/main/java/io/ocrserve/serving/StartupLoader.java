package io.ocrserve.serving;

import io.ocrserve.config.ServerConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * Loads the startup models in the background once the listeners are up: the latest snapshot when there is one,
 * otherwise {@code load_models}. {@link #done()} stays false until then, so /ping answers Unhealthy meanwhile.
 */
@ApplicationScoped
public class StartupLoader {
    private static final Logger LOG = Logger.getLogger(StartupLoader.class);

    @Inject
    ModelRegistry registry;

    @Inject
    ServerConfig config;

    private volatile boolean done;

    void onStart(@Observes StartupEvent event) {
        Thread t = new Thread(this::load, "startup-models");
        t.setDaemon(true);
        t.start();
    }

    void onStop(@Observes ShutdownEvent event) {
        registry.shutdown();
    }

    public boolean done() {
        return done;
    }

    private void load() {
        long t0 = System.nanoTime();
        try {
            Optional<List<SnapshotEntry>> snapshot = registry.latestSnapshot();
            if (snapshot.isPresent()) {
                restore(snapshot.get());
            } else {
                for (String[] spec : loadModels()) {
                    tryRegister(RegisterRequest.of(spec[1]).withName(spec[0]), null);
                }
            }
        } catch (RuntimeException e) {
            LOG.error("loading startup models failed", e);
        } finally {
            registry.snapshot();
            done = true;
            LOG.infof("startup models loaded in %.1f s: %s", (System.nanoTime() - t0) / 1e9,
                    registry.list().stream().map(e -> e.getKey()).toList());
        }
    }

    private void restore(List<SnapshotEntry> entries) {
        registry.setRestoring(true);
        try {
            for (SnapshotEntry e : entries) {
                tryRegister(e.toRequest(), e);
            }
            for (SnapshotEntry e : entries) {
                if (e.isDefault()) {
                    try {
                        registry.setDefault(e.modelName(), e.modelVersion());
                    } catch (ServingException ex) {
                        LOG.warnf("cannot restore default version of %s: %s", e.modelName(), ex.getMessage());
                    }
                }
            }
        } finally {
            registry.setRestoring(false);
        }
    }

    private void tryRegister(RegisterRequest request, SnapshotEntry entry) {
        try {
            LOG.info(registry.register(request, true));
        } catch (RuntimeException e) {
            LOG.errorf("cannot load startup model %s: %s", request.url(), e.getMessage());
        }
    }

    /** load_models: {@code all}, {@code a.mar,b.mar} or {@code name=a.mar}; pairs of (name or null, url). */
    List<String[]> loadModels() throws RuntimeException {
        List<String[]> out = new ArrayList<>();
        for (String item : config.loadModels().orElse(List.of())) {
            item = item.trim();
            if (item.isEmpty() || item.equalsIgnoreCase("none")) {
                continue;
            }
            if (item.equalsIgnoreCase("all")) {
                for (String file : archivesInStore(registry.modelStore())) {
                    out.add(new String[] {null, file});
                }
            } else if (item.contains("=")) {
                out.add(new String[] {item.substring(0, item.indexOf('=')).trim(),
                        item.substring(item.indexOf('=') + 1).trim()});
            } else {
                out.add(new String[] {null, item});
            }
        }
        return out;
    }

    /** Archives in the store (pipelines find their parts at request time, so order does not matter). */
    static List<String> archivesInStore(Path store) {
        try (Stream<Path> files = Files.list(store)) {
            return files.filter(p -> {
                String n = p.getFileName().toString();
                return !n.startsWith(".") && (n.endsWith(".mar") || n.endsWith(".tar.gz")
                        || Files.isRegularFile(p.resolve("MAR-INF/MANIFEST.json")));
            }).map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            LOG.warnf("cannot list the model store %s: %s", store, e.getMessage());
            return List.of();
        }
    }
}
