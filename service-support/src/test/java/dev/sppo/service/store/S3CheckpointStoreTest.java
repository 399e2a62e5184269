package dev.sppo.service.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sppo.contracts.store.CheckpointManifest;
import dev.sppo.contracts.store.StoreEntry;
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
 * The {@code s3:} store against a real S3-compatible server (S3Proxy over a local directory, its own JVM): what the
 * trainer uploads, a reader fetches, verifies and caches; bytes changed at rest are refused naming the file, a
 * flipped byte in transit is fetched again, and wrong credentials, a missing entry and an unreachable store each
 * end the way the http: store's do.
 */
class S3CheckpointStoreTest {

    private static final String BUCKET = "sppo-checkpoints";

    @RegisterExtension
    static final S3ProxyExtension S3_PROXY = new S3ProxyExtension(BUCKET);

    @TempDir
    Path tmp;

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @Test
    void anUploadedCheckpointIsFetchedWithTheWritersFilesAndServedFromTheCacheAfterwards() throws IOException {
        Path original = checkpoint("ckpt-1", 3000);
        StoreEntry uploaded = upload("ckpt-1", original);
        RemoteCheckpointStore store = reader(properties(s3().endpoint(), S3ProxyServer.SECRET_KEY, "runs/a"));

        Path fetched = store.directory("ckpt-1", uploaded.manifestSha256());

        assertThat(uploaded.manifestSha256()).isEqualTo(CheckpointManifest.of(original).digest());
        assertThat(s3().objectFile(BUCKET, "runs/a/ckpt-1/files/shards/model-00001.safetensors"))
                .hasContent("w".repeat(3000));
        assertThat(s3().objectFile(BUCKET, "runs/a/ckpt-1/entry.json")).exists();
        assertThat(fetched).startsWith(tmp.resolve("cache"));
        assertThat(CheckpointManifest.of(fetched)).isEqualTo(CheckpointManifest.of(original));
        Files.delete(s3().objectFile(BUCKET, "runs/a/ckpt-1/entry.json"));
        assertThat(store.directory("ckpt-1", null)).as("cached: the store is not asked again").isEqualTo(fetched);
        assertThat(fetches("verified")).isEqualTo(1.0);
    }

    @Test
    void anObjectChangedAtRestIsRefusedOnBothFetchesNamingTheFile() throws IOException {
        Path original = checkpoint("ckpt-2", 100);
        upload("ckpt-2", original);
        Path weights = s3().objectFile(BUCKET, "runs/a/ckpt-2/files/shards/model-00001.safetensors");
        byte[] bytes = Files.readAllBytes(weights);
        bytes[50] ^= 0x01;
        Files.write(weights, bytes);
        RemoteCheckpointStore store = reader(properties(s3().endpoint(), S3ProxyServer.SECRET_KEY, "runs/a"));

        assertThatThrownBy(() -> store.directory("ckpt-2", null)).isInstanceOf(CheckpointRefusedException.class)
                .hasMessageContaining("checkpoint 'ckpt-2' from the store at s3://" + BUCKET + "/runs/a failed its "
                        + "manifest digest on 2 fetches: shards/model-00001.safetensors: 100 bytes with sha256 "
                        + CheckpointManifest.of(original).files().get(1).sha256() + " expected, got 100 bytes");
        assertThat(fetches("corrupt")).isEqualTo(2.0);
        assertThat(fetches("refused")).isEqualTo(1.0);
    }

    @Test
    void aByteFlippedInTransitIsRefusedAndTheCheckpointFetchedAgain() throws IOException {
        Path original = checkpoint("ckpt-3", 2000);
        upload("ckpt-3", original);
        try (CorruptingProxy proxy = new CorruptingProxy(s3().endpoint(), CorruptingProxy.objects(BUCKET, "runs/a"))) {
            RemoteCheckpointStore store = reader(properties(proxy.url(), S3ProxyServer.SECRET_KEY, "runs/a"));

            Path fetched = store.directory("ckpt-3", null);

            assertThat(CheckpointManifest.of(fetched)).isEqualTo(CheckpointManifest.of(original));
            assertThat(proxy.corrupted()).containsExactly("ckpt-3");
            assertThat(proxy.requests().get("ckpt-3")).as("3 files, then 3 again").isEqualTo(6);
            assertThat(fetches("corrupt")).isEqualTo(1.0);
            assertThat(fetches("verified")).isEqualTo(1.0);
        }
    }

    @Test
    void aCheckpointWhoseEntryIsNotWrittenIsNotThere() throws IOException {
        upload("ckpt-4", checkpoint("ckpt-4", 10));
        Files.delete(s3().objectFile(BUCKET, "runs/a/ckpt-4/entry.json"));
        RemoteCheckpointStore store = reader(properties(s3().endpoint(), S3ProxyServer.SECRET_KEY, "runs/a"));

        assertThatThrownBy(() -> store.directory("ckpt-4", null)).isInstanceOf(CheckpointRefusedException.class)
                .hasMessageContaining("s3://" + BUCKET + "/runs/a/ckpt-4/entry.json: no such checkpoint");
    }

    @Test
    void wrongCredentialsAreRefusedAtOnceAndAnUnreachableStoreAfterTheRetries() throws IOException {
        upload("ckpt-5", checkpoint("ckpt-5", 10));
        RemoteCheckpointStore wrongKey = reader(properties(s3().endpoint(), "not-the-secret", "runs/a"));
        assertThatThrownBy(() -> wrongKey.directory("ckpt-5", null)).isInstanceOf(CheckpointRefusedException.class)
                .hasMessageContaining("refused the credentials (HTTP 403");

        URI closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = URI.create("http://127.0.0.1:" + socket.getLocalPort());
        }
        S3CheckpointBucket unreachable = new S3CheckpointBucket(properties(closed, S3ProxyServer.SECRET_KEY, ""));
        long start = System.nanoTime();
        assertThatThrownBy(() -> unreachable.upload("ckpt-6", checkpoint("ckpt-6", 10)))
                .isInstanceOf(StoreUnavailableException.class)
                .hasMessageContaining("s3://" + BUCKET + "/ckpt-6/entry.json unavailable after 3 attempts");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("backoff 20 ms, then 40 ms")
                .isGreaterThanOrEqualTo(Duration.ofMillis(60));
    }

    private StoreEntry upload(String id, Path dir) throws IOException {
        try (S3CheckpointBucket bucket = new S3CheckpointBucket(properties(s3().endpoint(), S3ProxyServer.SECRET_KEY,
                "runs/a"))) {
            return bucket.upload(id, dir);
        }
    }

    private RemoteCheckpointStore reader(CheckpointStoreProperties properties) {
        return new RemoteCheckpointStore(properties, null, registry);
    }

    private CheckpointStoreProperties properties(URI endpoint, String secret, String prefix) {
        return new CheckpointStoreProperties(URI.create("s3://" + BUCKET + "/" + prefix), tmp.resolve("cache"),
                DataSize.ofMegabytes(1), new CheckpointStoreProperties.Retry(3, Duration.ofMillis(20),
                        Duration.ofMillis(40)), Duration.ofSeconds(2), Duration.ofSeconds(20),
                new CheckpointStoreProperties.S3(endpoint, "us-east-1", true, S3ProxyServer.ACCESS_KEY, secret));
    }

    private double fetches(String outcome) {
        return registry.get(RemoteCheckpointStore.FETCHES_METER).tag("outcome", outcome).counter().count();
    }

    private Path checkpoint(String id, int weightBytes) throws IOException {
        return TestCheckpoints.write(tmp.resolve("trainer").resolve(id), id, weightBytes);
    }

    private static S3ProxyServer s3() {
        return S3_PROXY.server();
    }
}
