package io.ocrserve.eval.datasets;

import java.nio.file.Path;
import java.util.List;

/** What {@link DatasetReaders#open} returns: a detection or a recognition dataset, plus what it skipped. */
public sealed interface Dataset permits DetDataset, RecDataset {
    String format();

    /** Folder the sample file names are relative to (may be null). */
    Path imagesDir();

    int size();

    List<Skipped> skipped();
}
