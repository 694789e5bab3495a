package io.ocrserve.serving.archive;

import java.nio.file.Path;

/** A validated, unpacked archive: its folder, manifest, model config and worker settings. */
public record ModelArchive(Path root, Manifest manifest, ModelConfig config, WorkerSettings workerSettings) {

    public String name() {
        return manifest.model().modelName();
    }

    public String version() {
        return manifest.model().modelVersion();
    }

    public Path serializedFile() {
        String f = manifest.model().serializedFile();
        return f == null ? null : root.resolve(f);
    }

    /** A file of the archive named in its config (dictionaries, ...), kept inside the archive folder. */
    public Path file(String name) {
        Path p = root.resolve(name).normalize();
        if (!p.startsWith(root)) {
            throw new ArchiveException("file '" + name + "' points outside the archive");
        }
        return p;
    }
}
