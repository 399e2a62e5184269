package dev.sppo.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DigestsTest {

    @TempDir
    Path dir;

    @Test
    void sha256OfKnownContentsMatchesTheReferenceDigests() throws IOException {
        Path empty = Files.write(dir.resolve("empty"), new byte[0]);
        Path abc = Files.writeString(dir.resolve("abc"), "abc");

        assertThat(Digests.sha256(empty)).isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        assertThat(Digests.sha256(abc)).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void sha256StreamsFilesLargerThanItsBuffer() throws IOException {
        byte[] bytes = new byte[3 * 1024 * 1024 + 7];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (i % 251);
        }
        Path file = Files.write(dir.resolve("big"), bytes);

        // reference: python3 hashlib.sha256(bytes(i % 251 for i in range(3*1024*1024+7)))
        assertThat(Digests.sha256(file)).isEqualTo("f578a61853ca2f4272dba551bd868420e22302fbb6d6dfc0cc80da1d2c7b779f");
    }

    @Test
    void sha256OfAMissingFileNamesIt() {
        Path missing = dir.resolve("nope.safetensors");

        assertThatThrownBy(() -> Digests.sha256(missing))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("nope.safetensors");
    }
}
