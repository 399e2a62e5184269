package dev.sppo.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

/** {@code --fresh}: the data directory of earlier runs goes, and nothing else does. */
class EmbeddedStackTest {

    @TempDir
    Path dir;

    @Test
    void wipeDeletesADataDirectoryThatHoldsOnlyWhatTheStackWrites() throws Exception {
        Path data = dir.resolve("demo");
        Files.createDirectories(data.resolve("postgres").resolve("base"));
        Files.createDirectories(data.resolve("kafka"));
        Files.writeString(data.resolve("kafka").resolve("meta.properties"), "x");
        Files.createDirectories(data.resolve("logs"));
        Files.writeString(data.resolve("logs").resolve("platform.log"), "x");

        EmbeddedStack.wipe(data);

        assertThat(data).doesNotExist();
    }

    @Test
    void wipeRefusesADirectoryWithOtherFilesAndDeletesNothing() throws Exception {
        Path data = dir.resolve("home");
        Files.createDirectories(data.resolve("checkpoints"));
        Files.writeString(data.resolve("notes.txt"), "mine");

        assertThatThrownBy(() -> EmbeddedStack.wipe(data)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("refusing to wipe " + data + ": it holds notes.txt, which the demo did not write there");
        assertThat(data.resolve("notes.txt")).hasContent("mine");
        assertThat(data.resolve("checkpoints")).isDirectory();
    }

    @Test
    void wipeOfAMissingDirectoryDoesNothing() throws Exception {
        EmbeddedStack.wipe(dir.resolve("never-created"));

        assertThat(dir.resolve("never-created")).doesNotExist();
    }
}
