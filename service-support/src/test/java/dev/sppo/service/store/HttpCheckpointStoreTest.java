package dev.sppo.service.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sppo.contracts.store.CheckpointManifest;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

class HttpCheckpointStoreTest {

    @TempDir
    Path tmp;

    private final StoreServer server = startServer();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void fetchedCheckpointHasTheWritersFilesAndIsServedFromTheCacheAfterwards() throws IOException {
        Path original = checkpoint("ckpt-1", 1000);
        RemoteCheckpointStore store = store(server.url(), DataSize.ofMegabytes(1), StoreServer.KEY);

        Path fetched = store.directory("ckpt-1", server.recordedDigests.get("ckpt-1"));

        assertThat(fetched).isNotEqualTo(original).startsWith(tmp.resolve("cache"));
        assertThat(CheckpointManifest.of(fetched)).isEqualTo(CheckpointManifest.of(original));
        assertThat(Files.readString(fetched.resolve("shards/model-00001.safetensors"))).isEqualTo("w".repeat(1000));
        assertThat(store.directory("ckpt-1", null)).isEqualTo(fetched);
        assertThat(server.archiveRequests).hasValue(1);
        assertThat(store.cachedBytes()).isEqualTo(CheckpointManifest.of(original).totalBytes());
    }

    @Test
    void anArchiveWithOneFlippedByteIsRefusedAndFetchedAgain() throws IOException {
        Path original = checkpoint("ckpt-1", 5000);
        server.corruptNext.set(1);

        Path fetched = store(server.url(), DataSize.ofMegabytes(1), StoreServer.KEY).directory("ckpt-1", null);

        assertThat(server.archiveRequests).hasValue(2);
        assertThat(CheckpointManifest.of(fetched)).isEqualTo(CheckpointManifest.of(original));
        assertThat(fetches("corrupt")).isEqualTo(1.0);
        assertThat(fetches("verified")).isEqualTo(1.0);
        assertThat(registry.get(RemoteCheckpointStore.CACHED_BYTES_METER).gauge().value())
                .isEqualTo(CheckpointManifest.of(original).totalBytes());
    }

    private double fetches(String outcome) {
        return registry.get(RemoteCheckpointStore.FETCHES_METER).tag("outcome", outcome).counter().count();
    }

    @Test
    void aWellFormedArchiveWithAFlippedFileByteIsRefusedNamingTheFile() throws IOException {
        Path original = checkpoint("ckpt-1", 10);
        server.flipFileByteNext.set(2);
        RemoteCheckpointStore store = store(server.url(), DataSize.ofMegabytes(1), StoreServer.KEY);

        String configSha = CheckpointManifest.of(original).files().get(0).sha256();
        assertThatThrownBy(() -> store.directory("ckpt-1", null)).isInstanceOf(CheckpointRefusedException.class)
                .hasMessageContaining("failed its manifest digest on 2 fetches: config.json: 16 bytes with sha256 "
                        + configSha + " expected, got 16 bytes");
        assertThat(server.archiveRequests).hasValue(2);
    }

    @Test
    void aCheckpointCorruptOnBothFetchesIsRefusedAndNothingIsCached() throws IOException {
        checkpoint("ckpt-1", 5000);
        server.corruptNext.set(2);
        RemoteCheckpointStore store = store(server.url(), DataSize.ofMegabytes(1), StoreServer.KEY);

        assertThatThrownBy(() -> store.directory("ckpt-1", null)).isInstanceOf(CheckpointRefusedException.class)
                .hasMessageContaining("checkpoint 'ckpt-1' from the store at " + server.url())
                .hasMessageContaining("failed its manifest digest on 2 fetches");
        assertThat(server.archiveRequests).hasValue(2);
        assertThat(fetches("corrupt")).isEqualTo(2.0);
        assertThat(fetches("refused")).isEqualTo(1.0);
        assertThat(store.cachedBytes()).isZero();
        assertThat(tmp.resolve("cache").resolve("ckpt-1")).doesNotExist();
    }

    @Test
    void filesThatChangedSinceTheDigestWasRecordedAreRefusedNamingTheFile() throws IOException {
        Path original = checkpoint("ckpt-1", 10);
        server.recordedDigests.put("ckpt-1", CheckpointManifest.of(original).digest());
        Files.writeString(original.resolve("config.json"), "{\"changed\": true}");
        RemoteCheckpointStore store = store(server.url(), DataSize.ofMegabytes(1), StoreServer.KEY);

        assertThatThrownBy(() -> store.directory("ckpt-1", null)).isInstanceOf(CheckpointRefusedException.class)
                .hasMessageContaining("not the " + server.recordedDigests.get("ckpt-1") + " recorded");
    }

    @Test
    void aDigestOtherThanTheAnnouncedOneIsRefused() throws IOException {
        checkpoint("ckpt-1", 10);
        RemoteCheckpointStore store = store(server.url(), DataSize.ofMegabytes(1), StoreServer.KEY);

        assertThatThrownBy(() -> store.directory("ckpt-1", "0".repeat(64)))
                .isInstanceOf(CheckpointRefusedException.class)
                .hasMessageContaining("manifest digest " + "0".repeat(64) + " expected (as announced)");
        assertThat(server.archiveRequests).hasValue(0);
    }

    @Test
    void leastRecentlyUsedCheckpointsAreEvictedBeyondTheCacheSize() throws IOException {
        checkpoint("a", 400);
        checkpoint("b", 400);
        checkpoint("c", 400);
        long each = CheckpointManifest.of(tmp.resolve("store/a")).totalBytes();
        RemoteCheckpointStore store = store(server.url(), DataSize.ofBytes(2 * each + 1), StoreServer.KEY);

        Path a = store.directory("a", null);
        store.directory("b", null);
        store.directory("a", null);
        Path b = tmp.resolve("cache").resolve("b");
        store.directory("c", null);

        assertThat(a).exists();
        assertThat(b).doesNotExist();
        assertThat(store.cachedBytes()).isEqualTo(2 * each);
        assertThat(server.archiveRequests).hasValue(3);
        store.directory("b", null);
        assertThat(server.archiveRequests).hasValue(4);
        assertThat(a).doesNotExist();
    }

    @Test
    void aStoreAnswering503IsRetriedAndAnUnreachableOneReportedAfterTheAttempts() throws IOException {
        checkpoint("ckpt-1", 10);
        server.failNext.set(2);
        assertThat(store(server.url(), DataSize.ofMegabytes(1), StoreServer.KEY).directory("ckpt-1", null)).exists();

        URI closed = URI.create("http://127.0.0.1:" + freePort());
        RemoteCheckpointStore unreachable = store(closed, DataSize.ofMegabytes(1), StoreServer.KEY);
        long start = System.nanoTime();
        assertThatThrownBy(() -> unreachable.directory("ckpt-1", null)).isInstanceOf(StoreUnavailableException.class)
                .hasMessageContaining(closed + "/store/entries/ckpt-1 unavailable after 3 attempts");
        assertThat(fetches("unavailable")).isEqualTo(1.0);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("backoff 20 ms, then 40 ms")
                .isGreaterThanOrEqualTo(Duration.ofMillis(60));
    }

    @Test
    void anUnknownCheckpointOrAWrongKeyIsRefusedAtOnce() throws IOException {
        checkpoint("ckpt-1", 10);
        RemoteCheckpointStore store = store(server.url(), DataSize.ofMegabytes(1), StoreServer.KEY);
        assertThatThrownBy(() -> store.directory("nope", null)).isInstanceOf(CheckpointRefusedException.class)
                .hasMessageContaining("no such checkpoint (HTTP 404)");
        assertThatThrownBy(() -> store.directory("../etc", null)).isInstanceOf(CheckpointRefusedException.class)
                .hasMessageContaining("not a store entry name");

        RemoteCheckpointStore keyless = store(server.url(), DataSize.ofMegabytes(1), "wrong-key-0123456789");
        assertThatThrownBy(() -> keyless.directory("ckpt-1", null)).isInstanceOf(CheckpointRefusedException.class)
                .hasMessageContaining("refused this service's key (HTTP 401)");
    }

    @Test
    void aNonEmptyDirectoryThatIsNoCacheIsRefusedUntouched() throws IOException {
        Path precious = Files.writeString(Files.createDirectories(tmp.resolve("cache")).resolve("notes.txt"), "x");

        assertThatThrownBy(() -> store(server.url(), DataSize.ofMegabytes(1), StoreServer.KEY))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("not a checkpoint cache");
        assertThat(precious).hasContent("x");
    }

    @Test
    void aUriNamesTheStoreEntryByItsLastSegment() {
        assertThat(RemoteCheckpointStore.idOf("file:/var/lib/sppo/checkpoints/checkpoints/pm-1b2c"))
                .isEqualTo("pm-1b2c");
        assertThat(RemoteCheckpointStore.idOf("/store/checkpoints/job-1-v2/")).isEqualTo("job-1-v2");
        assertThat(RemoteCheckpointStore.idOf("job-1-v0")).isEqualTo("job-1-v0");
    }

    private RemoteCheckpointStore store(URI url, DataSize cacheSize, String key) {
        return new RemoteCheckpointStore(new CheckpointStoreProperties(url, tmp.resolve("cache"), cacheSize,
                new CheckpointStoreProperties.Retry(3, Duration.ofMillis(20), Duration.ofMillis(40)),
                Duration.ofSeconds(1), Duration.ofSeconds(10), null), key, registry);
    }

    /** A checkpoint of the store, as {@link TestCheckpoints#write} makes it. */
    private Path checkpoint(String id, int weightBytes) throws IOException {
        Path dir = TestCheckpoints.write(tmp.resolve("store").resolve(id), id, weightBytes);
        server.add(id, dir);
        return dir;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static StoreServer startServer() {
        try {
            return new StoreServer();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
