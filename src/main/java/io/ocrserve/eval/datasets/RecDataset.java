package io.ocrserve.eval.datasets;

import java.nio.file.Path;
import java.util.List;

public record RecDataset(String format, Path imagesDir, List<RecSample> samples, List<Skipped> skipped)
        implements Dataset {
    public RecDataset {
        samples = List.copyOf(samples);
        skipped = List.copyOf(skipped);
    }

    @Override
    public int size() {
        return samples.size();
    }

    /** Ground-truth texts in sample order (what {@code RecogMetrics.evaluate} takes). */
    public List<String> texts() {
        return samples.stream().map(RecSample::text).toList();
    }
}
