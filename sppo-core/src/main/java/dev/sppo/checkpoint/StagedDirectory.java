package dev.sppo.checkpoint;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a directory as a whole: the files go into a sibling temporary directory that then replaces the target
 * by one rename, so that a crash never leaves a half-written checkpoint behind.
 */
public final class StagedDirectory {

    /** Fills the staging directory. */
    @FunctionalInterface
    public interface Contents {
        void writeInto(Path staging) throws IOException;
    }

    private StagedDirectory() {}

    /** Writes {@code contents} into a fresh staging directory, then moves it over {@code dir}. */
    public static void write(Path dir, Contents contents) throws IOException {
        Path parent = dir.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path staging = Files.createTempDirectory(parent, "." + dir.getFileName() + ".staging-");
        try {
            contents.writeInto(staging);
        } catch (IOException | RuntimeException e) {
            DirectoryTrees.delete(staging);
            throw e;
        }
        DirectoryTrees.delete(dir);
        Files.move(staging, dir, StandardCopyOption.ATOMIC_MOVE);
    }
}
