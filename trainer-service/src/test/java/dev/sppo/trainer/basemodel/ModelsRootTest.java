package dev.sppo.trainer.basemodel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

class ModelsRootTest {

    @TempDir
    Path dir;

    private Path root;
    private Path elsewhere;
    private ModelsRoot models;

    @BeforeEach
    void layout() throws IOException {
        root = Files.createDirectories(dir.resolve("models"));
        elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
        Files.createDirectories(root.resolve("llama").resolve("nested"));
        models = new ModelsRoot(new ModelProperties(root, DataSize.ofMegabytes(1)));
    }

    @Test
    void aDirectoryIsNamedRelativeToTheRootOrByItsAbsolutePath() throws IOException {
        assertThat(models.resolve("llama")).contains(root.resolve("llama").toRealPath());
        assertThat(models.resolve(root.resolve("llama/nested").toString())).contains(
                root.resolve("llama/nested").toRealPath());
        assertThat(models.resolve("llama/nested/../../llama")).contains(root.resolve("llama").toRealPath());
        assertThat(models.resolve("not-there-yet")).contains(root.resolve("not-there-yet"));
    }

    @Test
    void anythingOutsideTheRootIsEmptyWhetherOrNotItExists() throws IOException {
        Files.createSymbolicLink(root.resolve("link-out"), elsewhere);

        assertThat(models.resolve(elsewhere.toString())).isEmpty();
        assertThat(models.resolve("/no/such/dir")).isEmpty();
        assertThat(models.resolve("../elsewhere")).isEmpty();
        assertThat(models.resolve("llama/../../elsewhere")).isEmpty();
        assertThat(models.resolve("link-out")).isEmpty();
        assertThat(models.resolve("link-out/anything")).isEmpty();
    }

    @Test
    void theRootItselfAndUploadsInProgressAreNotModels() throws IOException {
        Path staging = models.newStaging();

        assertThat(models.resolve("")).isEmpty();
        assertThat(models.resolve(".")).isEmpty();
        assertThat(models.resolve(root.toString())).isEmpty();
        assertThat(models.resolve(staging.toString())).isEmpty();
        assertThat(models.resolve(".incoming/" + staging.getFileName())).isEmpty();
    }

    @Test
    void aLinkInsideTheRootToAnotherDirectoryInsideItIsFollowed() throws IOException {
        Files.createSymbolicLink(root.resolve("alias"), root.resolve("llama"));

        assertThat(models.resolve("alias")).contains(root.resolve("llama").toRealPath());
    }
}
