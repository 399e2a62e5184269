package dev.sppo.contracts.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

class CheckpointManifestTest {

    private static final String SHA_ABC = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
    private static final String SHA_EMPTY = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    @TempDir
    Path dir;

    @Test
    void listsEveryFileAtAnyDepthSortedByPathAndDigestsTheCanonicalText() throws IOException {
        write("shards/b.bin", "");
        write("config.json", "abc");

        CheckpointManifest manifest = CheckpointManifest.of(dir);

        assertThat(manifest.canonical()).isEqualTo(SHA_ABC + " 3 config.json\n" + SHA_EMPTY + " 0 shards/b.bin\n");
        // sha256 of the canonical text above, computed with Python's hashlib
        assertThat(manifest.digest()).isEqualTo("dd6d6e8791678c8c9a9574528f7f37e0df4c8798cc4ea89d4654ded3fe1f54e5");
        assertThat(manifest.totalBytes()).isEqualTo(3);
    }

    @Test
    void aFlippedByteAnAddedFileOrARenamedFileChangesTheDigest() throws IOException {
        write("config.json", "abc");
        String original = CheckpointManifest.of(dir).digest();
        assertThat(original).isEqualTo("cd419b967ab3d3989c5696232419f93d83e6db12c9f8c6a7334b056ae8d237f0");

        write("config.json", "abd");
        assertThat(CheckpointManifest.of(dir).digest()).isNotEqualTo(original);
        write("config.json", "abc");
        write("extra.txt", "");
        assertThat(CheckpointManifest.of(dir).digest()).isNotEqualTo(original);
        Files.delete(dir.resolve("extra.txt"));
        Files.move(dir.resolve("config.json"), dir.resolve("config2.json"));
        assertThat(CheckpointManifest.of(dir).digest()).isNotEqualTo(original);
    }

    @Test
    void differenceNamesTheFileAndBothDigests() throws IOException {
        write("config.json", "abc");
        CheckpointManifest expected = CheckpointManifest.of(dir);
        write("config.json", "abd");

        assertThat(expected.differenceFrom(CheckpointManifest.of(dir))).contains("config.json: 3 bytes with sha256 "
                + SHA_ABC + " expected, got 3 bytes with sha256 "
                + "a52d159f262b2c6ddb724a61840befc36eb30c88877a4030b65cbe86298449c9");
        assertThat(expected.differenceFrom(expected)).isEmpty();
        write("config.json", "abc");
        write("more.json", "");
        assertThat(expected.differenceFrom(CheckpointManifest.of(dir))).contains(
                "file (none) expected, got more.json");
    }

    private void write(String path, String text) throws IOException {
        Path file = dir.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
