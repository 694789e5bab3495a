package io.ocrserve.eval.datasets;

import io.ocrserve.eval.GtInstance;

import java.nio.file.Path;
import java.util.List;

public record DetDataset(String format, Path imagesDir, List<DetSample> samples, List<Skipped> skipped)
        implements Dataset {
    public DetDataset {
        samples = List.copyOf(samples);
        skipped = List.copyOf(skipped);
    }

    @Override
    public int size() {
        return samples.size();
    }

    public int instanceCount() {
        return samples.stream().mapToInt(s -> s.instances().size()).sum();
    }

    public long ignoredCount() {
        return samples.stream().mapToLong(DetSample::ignoredCount).sum();
    }

    /** The per-image GT lists that the detection metrics take, in sample order. */
    public List<List<GtInstance>> groundTruth() {
        return samples.stream().map(DetSample::instances).toList();
    }
}
