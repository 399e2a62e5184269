package dev.sppo.service.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

class CheckpointStorePropertiesTest {

    private static final CheckpointStoreProperties.Retry RETRY = new CheckpointStoreProperties.Retry(8,
            Duration.ofMillis(500), Duration.ofSeconds(10));

    @Test
    void theUrlSchemeChoosesTheStore() {
        assertThat(properties("http://trainer-service:8083").objectStore()).isFalse();
        assertThat(properties("http://trainer-service:8083").remote()).isTrue();
        assertThat(properties("s3://sppo-checkpoints/runs").objectStore()).isTrue();
        assertThat(properties("").remote()).isFalse();
        assertThatThrownBy(() -> properties("ftp://host/x")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sppo.checkpoint-store.url: must be an http:, https: or s3: URL");
        assertThatThrownBy(() -> properties("s3:///no-bucket")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("with a host (s3: its bucket)");
    }

    @Test
    void s3KeysComeTogetherOrNotAtAllAndTheEndpointNeedsAHost() {
        assertThat(new CheckpointStoreProperties.S3(URI.create(""), "us-east-1", false, "", "").accessKey()).isNull();
        assertThatThrownBy(() -> new CheckpointStoreProperties.S3(null, "us-east-1", true, "access", null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sppo.checkpoint-store.s3.access-key and secret-key: give both or neither");
        assertThatThrownBy(() -> new CheckpointStoreProperties.S3(URI.create("minio:9000"), "us-east-1", true, null,
                null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sppo.checkpoint-store.s3.endpoint: must be an http: or https: URL");
    }

    @Test
    void aReaderNeedsACacheDirectory() {
        CheckpointStoreProperties withoutCache = new CheckpointStoreProperties(URI.create("s3://bucket"), null,
                DataSize.ofGigabytes(4), RETRY, Duration.ofSeconds(5), Duration.ofMinutes(10), null);
        assertThatThrownBy(() -> new RemoteCheckpointStore(withoutCache, null,
                new SimpleMeterRegistry()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sppo.checkpoint-store.cache-dir: required with a store url");
    }

    private static CheckpointStoreProperties properties(String url) {
        return new CheckpointStoreProperties(URI.create(url), Path.of("cache"), DataSize.ofGigabytes(4), RETRY,
                Duration.ofSeconds(5), Duration.ofMinutes(10), null);
    }
}
