package dev.sppo.generator;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CheckpointLocationTest {

    @Test
    void fileUriAndPlainPathNameTheSameDirectory() {
        assertThat(CheckpointLocation.toPath("file:/store/ckpt-0")).isEqualTo(Path.of("/store/ckpt-0"));
        assertThat(CheckpointLocation.toPath("/store/ckpt-0")).isEqualTo(Path.of("/store/ckpt-0"));
    }

    @Test
    void otherSchemesAreRefusedNamingTheUri() {
        assertThatThrownBy(() -> CheckpointLocation.toPath("s3://bucket/ckpt-0"))
                .isInstanceOfSatisfying(CheckpointException.class, e -> assertThat(e.reason())
                        .isEqualTo(CheckpointException.Reason.UNSUPPORTED_URI))
                .hasMessageContaining("s3://bucket/ckpt-0").hasMessageContaining("file:");
    }

    @Test
    void relativeFileUriIsRefused() {
        assertThatThrownBy(() -> CheckpointLocation.toPath("file:store/ckpt-0"))
                .isInstanceOf(CheckpointException.class).hasMessageContaining("file:store/ckpt-0");
    }
}
