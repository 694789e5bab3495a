package io.ocrserve.serving;

import io.ocrserve.serving.archive.ModelArchive;
import io.ocrserve.serving.worker.HandlerFactory;

/** Chooses the handler for an archive's task; {@code models} lets pipelines call other registered models. */
public interface HandlerProvider {
    HandlerFactory factoryFor(ModelArchive archive, ModelResolver models);
}
