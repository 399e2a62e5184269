package dev.sppo.trainer.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sppo.service.store.CheckpointStoreProperties;
import dev.sppo.trainer.TrainerProperties;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

class CheckpointStoresTest {

    @TempDir
    Path root;

    @Test
    void theStoreUrlSchemeChoosesTheTrainersStoreAndAnHttpUrlIsRefused() {
        assertThat(store("")).isInstanceOf(DirectoryCheckpointStore.class);
        assertThat(store("s3://bucket/prefix")).isInstanceOf(UploadingCheckpointStore.class);
        assertThatThrownBy(() -> store("http://trainer-service:8083")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("the trainer serves the http: store itself");
    }

    private CheckpointStore store(String url) {
        CheckpointStoreProperties properties = new CheckpointStoreProperties(URI.create(url), null,
                DataSize.ofGigabytes(4), new CheckpointStoreProperties.Retry(8, Duration.ofMillis(500),
                        Duration.ofSeconds(10)), Duration.ofSeconds(5), Duration.ofMinutes(10),
                new CheckpointStoreProperties.S3(URI.create("http://127.0.0.1:9"), "us-east-1", true, "a", "b"));
        return new CheckpointStores().checkpointStore(new TrainerProperties(root, Duration.ofSeconds(1), true, 10,
                1000, Duration.ofMinutes(2), Duration.ofMinutes(60)), properties, new SimpleMeterRegistry());
    }
}
