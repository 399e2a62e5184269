package dev.sppo.checkpoint;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Turns I/O failures into unchecked exceptions whose message says what was done, to which file, and why. */
final class IoErrors {

    private IoErrors() {
    }

    /** For example {@code "cannot read /models/x.safetensors: no such file"}. */
    static UncheckedIOException unchecked(String action, Path file, IOException cause) {
        return new UncheckedIOException(action + " " + file + ": " + reason(cause), cause);
    }

    private static String reason(IOException cause) {
        if (cause instanceof NoSuchFileException) {
            return "no such file";
        }
        if (cause instanceof AccessDeniedException) {
            return "permission denied";
        }
        return cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName();
    }
}
