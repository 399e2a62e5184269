package dev.sppo.generator;

import java.net.URI;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.Path;

/** Turns a checkpoint URI into a local directory: {@code file:} URIs and plain paths; any other scheme is refused. */
final class CheckpointLocation {

    private static final String FILE_SCHEME = "file:";

    private CheckpointLocation() {}

    static Path toPath(String uri) {
        try {
            if (uri.startsWith(FILE_SCHEME)) {
                return Path.of(URI.create(uri));
            }
            if (uri.matches("^[a-zA-Z][a-zA-Z0-9+.-]*://.*")) {
                throw unsupported(uri, "only file: URIs and plain paths are supported", null);
            }
            return Path.of(uri);
        } catch (IllegalArgumentException | FileSystemNotFoundException e) {
            throw unsupported(uri, e.getMessage(), e);
        }
    }

    private static CheckpointException unsupported(String uri, String problem, Throwable cause) {
        return new CheckpointException(CheckpointException.Reason.UNSUPPORTED_URI,
                "checkpointUri '" + uri + "': " + problem, cause);
    }
}
