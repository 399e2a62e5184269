package dev.sppo.preference.onnx;

import dev.sppo.checkpoint.MalformedCheckpointException;

import java.nio.file.Files;
import java.nio.file.Path;

/** The files of an exported model directory. */
final class OnnxFiles {

    /** The graph. */
    static final String MODEL = "model.onnx";

    private OnnxFiles() {}

    /** {@code dir/name}, which must be a file. */
    static Path require(Path dir, String name) {
        if (!Files.isDirectory(dir)) {
            throw new MalformedCheckpointException(dir, "not a directory");
        }
        Path file = dir.resolve(name);
        if (!Files.isRegularFile(file)) {
            throw new MalformedCheckpointException(file, "missing");
        }
        return file;
    }
}
