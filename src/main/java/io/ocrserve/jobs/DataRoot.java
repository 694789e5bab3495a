package io.ocrserve.jobs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Resolves dataset paths inside one folder; a path that leaves it (.., absolute, symlink) is refused. */
public record DataRoot(Path root) {
    public DataRoot {
        root = root.toAbsolutePath().normalize();
    }

    /**
     * @param what  the request field, for messages ({@code dataset.annotations})
     * @param value a path relative to the root
     * @throws JobException (bad request) when it is missing, outside the root, or does not exist
     */
    public Path resolve(String what, String value) {
        if (value == null || value.isBlank()) {
            throw JobException.badRequest(what + " is required (a path relative to the data root)");
        }
        Path p;
        try {
            p = root.resolve(value).normalize();
        } catch (java.nio.file.InvalidPathException e) {
            throw JobException.badRequest(what + " is not a valid path: " + value);
        }
        if (!p.startsWith(root)) {
            throw JobException.badRequest(what + " '" + value + "' is outside the data root; paths are relative to "
                    + "the server's data root (ocrserve.jobs.data-root)");
        }
        if (!Files.exists(p)) {
            throw JobException.badRequest(what + " '" + value + "' does not exist under the data root");
        }
        try {
            Path real = p.toRealPath();
            Path realRoot = root.toRealPath();
            if (!real.startsWith(realRoot)) {
                throw JobException.badRequest(what + " '" + value + "' leads outside the data root (symbolic link)");
            }
        } catch (IOException e) {
            throw JobException.badRequest(what + " '" + value + "' cannot be read: " + e.getMessage());
        }
        return p;
    }
}
