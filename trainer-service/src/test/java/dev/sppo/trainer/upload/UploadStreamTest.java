package dev.sppo.trainer.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sppo.checkpoint.Digests;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

class UploadStreamTest {

    private static final UploadLimit LIMIT = new UploadLimit(1000, "test.max-bytes");

    @TempDir
    Path dir;

    @Test
    void copiesCountsAndHashesTheWholeBody() throws IOException {
        byte[] body = random(1000);
        UploadStream in = UploadStream.of(new ByteArrayInputStream(body), body.length, LIMIT);
        Path file = dir.resolve("body");

        in.copyTo(file);

        assertThat(Files.readAllBytes(file)).isEqualTo(body);
        assertThat(in.bytes()).isEqualTo(1000);
        assertThat(in.sha256()).isEqualTo(Digests.sha256(body));
    }

    @Test
    void skippedAndSingleBytesAreCountedAndHashedToo() throws IOException {
        byte[] body = random(300);
        UploadStream in = UploadStream.of(new ByteArrayInputStream(body), -1, LIMIT);

        assertThat(in.read()).isEqualTo(body[0] & 0xff);
        assertThat(in.skip(100)).isEqualTo(100);
        in.drain();

        assertThat(in.bytes()).isEqualTo(300);
        assertThat(in.sha256()).isEqualTo(Digests.sha256(body));
    }

    @Test
    void aDeclaredLengthOverTheLimitIsRefusedBeforeReading() {
        assertThatThrownBy(() -> UploadStream.of(new ByteArrayInputStream(new byte[0]), 1001, LIMIT))
                .isInstanceOf(UploadTooLargeException.class)
                .hasMessage("the upload exceeds this trainer's limit of 1000 bytes (test.max-bytes)");
    }

    @Test
    void aBodyThatGrowsPastTheLimitIsRefusedAtTheFirstByteBeyondIt() {
        UploadStream in = UploadStream.of(new ByteArrayInputStream(random(1001)), -1, LIMIT);

        assertThatThrownBy(in::drain).isInstanceOf(UploadTooLargeException.class);
        assertThat(in.bytes()).isGreaterThan(1000);
    }

    private static byte[] random(int n) {
        byte[] bytes = new byte[n];
        new Random(n).nextBytes(bytes);
        return bytes;
    }
}
