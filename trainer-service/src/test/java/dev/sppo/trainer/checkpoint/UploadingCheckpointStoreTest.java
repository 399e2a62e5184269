package dev.sppo.trainer.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sppo.contracts.MessageCodec;
import dev.sppo.contracts.store.CheckpointManifest;
import dev.sppo.contracts.store.StoreEntry;
import dev.sppo.service.store.CheckpointRefusedException;
import dev.sppo.service.store.CheckpointStoreProperties;
import dev.sppo.service.store.S3CheckpointBucket;
import dev.sppo.service.store.S3ProxyExtension;
import dev.sppo.service.store.S3ProxyServer;
import dev.sppo.service.store.StoreUnavailableException;
import dev.sppo.trainer.TrainerProperties;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The trainer's side of the {@code s3:} store against a real S3-compatible server (S3Proxy, its own JVM): a
 * checkpoint is returned, and so recorded, only once the bucket holds its every file and its entry; a store that
 * cannot be reached or refuses the keys fails the write instead.
 */
class UploadingCheckpointStoreTest {

    private static final String BUCKET = "trainer-bucket";

    @RegisterExtension
    static final S3ProxyExtension S3_PROXY = new S3ProxyExtension(BUCKET);

    @TempDir
    Path root;

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @Test
    void anAdoptedCheckpointIsReturnedOnlyWithEveryFileAndItsEntryInTheBucket() throws IOException {
        Path model = modelDirectory();
        CheckpointManifest manifest = CheckpointManifest.of(model);

        StoredCheckpoint stored = store(s3().endpoint(), S3ProxyServer.SECRET_KEY).adopt("pm-1", model);

        assertThat(Path.of(stored.uri())).isEqualTo(root.resolve("checkpoints").resolve("pm-1").toAbsolutePath());
        assertThat(stored.manifestSha256()).isEqualTo(manifest.digest());
        StoreEntry entry = MessageCodec.decode(Files.readAllBytes(s3().objectFile(BUCKET, "jobs/pm-1/entry.json")),
                StoreEntry.class);
        assertThat(entry).isEqualTo(new StoreEntry("pm-1", manifest.digest(), manifest));
        assertThat(s3().objectFile(BUCKET, "jobs/pm-1/files/model.safetensors")).hasContent("w".repeat(700));
        assertThat(s3().objectFile(BUCKET, "jobs/pm-1/files/tokenizer/tokenizer.json")).hasContent("{}");
        assertThat(uploads("uploaded")).isEqualTo(1.0);
    }

    @Test
    void anUnreachableStoreOrRefusedKeysFailTheWriteWithTheReason() throws IOException {
        URI closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = URI.create("http://127.0.0.1:" + socket.getLocalPort());
        }
        assertThatThrownBy(() -> store(closed, S3ProxyServer.SECRET_KEY).adopt("pm-2", modelDirectory()))
                .isInstanceOf(StoreUnavailableException.class)
                .hasMessageContaining("s3://" + BUCKET + "/jobs/pm-2/entry.json unavailable after 2 attempts");
        assertThatThrownBy(() -> store(s3().endpoint(), "wrong-secret").adopt("pm-3", modelDirectory()))
                .isInstanceOf(CheckpointRefusedException.class).hasMessageContaining("refused the credentials");
        assertThat(uploads("unavailable")).isEqualTo(1.0);
        assertThat(uploads("refused")).isEqualTo(1.0);
        assertThat(s3().objectFile(BUCKET, "jobs/pm-3/entry.json")).doesNotExist();
    }

    private UploadingCheckpointStore store(URI endpoint, String secret) {
        CheckpointStoreProperties properties = new CheckpointStoreProperties(URI.create("s3://" + BUCKET + "/jobs"),
                null, DataSize.ofGigabytes(1), new CheckpointStoreProperties.Retry(2, Duration.ofMillis(10),
                        Duration.ofMillis(10)), Duration.ofSeconds(2), Duration.ofSeconds(20),
                new CheckpointStoreProperties.S3(endpoint, "us-east-1", true, S3ProxyServer.ACCESS_KEY, secret));
        return new UploadingCheckpointStore(new DirectoryCheckpointStore(new TrainerProperties(root,
                Duration.ofSeconds(1), true, 10, 1000, Duration.ofMinutes(2), Duration.ofMinutes(60))),
                new S3CheckpointBucket(properties), registry);
    }

    private double uploads(String outcome) {
        return registry.get(UploadingCheckpointStore.UPLOADS_METER).tag("outcome", outcome).counter().count();
    }

    /** A finished model directory, as a preference-model run leaves it: weights and a nested tokenizer file. */
    private Path modelDirectory() throws IOException {
        Path dir = Files.createTempDirectory(Files.createDirectories(root.resolve("runs")), "model");
        Files.writeString(dir.resolve("model.safetensors"), "w".repeat(700));
        Files.createDirectories(dir.resolve("tokenizer"));
        Files.writeString(dir.resolve("tokenizer/tokenizer.json"), "{}");
        return dir;
    }

    private static S3ProxyServer s3() {
        return S3_PROXY.server();
    }
}
