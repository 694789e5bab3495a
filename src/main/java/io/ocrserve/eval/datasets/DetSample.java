package io.ocrserve.eval.datasets;

import io.ocrserve.eval.GtInstance;

import java.util.List;

/** One detection image: its file (relative to the images folder), size (0 when unknown) and GT instances. */
public record DetSample(String file, int width, int height, List<GtInstance> instances) {
    public DetSample {
        instances = List.copyOf(instances);
    }

    public long ignoredCount() {
        return instances.stream().filter(GtInstance::ignore).count();
    }
}
