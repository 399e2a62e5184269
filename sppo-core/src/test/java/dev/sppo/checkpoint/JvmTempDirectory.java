package dev.sppo.checkpoint;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A temporary directory that lives as long as the test JVM: for what a Spring context shared by several test
 * classes is started with (a checkpoint store, say), which a JUnit temporary directory, one per class or method,
 * would delete under it. Deleted with everything in it when the JVM exits.
 */
public final class JvmTempDirectory {

    private JvmTempDirectory() {}

    public static Path create(String prefix) {
        try {
            Path dir = Files.createTempDirectory(prefix);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    DirectoryTrees.delete(dir);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
