package dev.sppo.generator;

import dev.sppo.contracts.CheckpointPublished;
import dev.sppo.contracts.store.CheckpointManifest;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CheckpointCacheTest {

    @TempDir
    static Path store;
    static String uri;

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @BeforeAll
    static void writeCheckpoint() throws Exception {
        uri = TinyCheckpoint.write(store.resolve("ckpt"), 1).toUri().toString();
    }

    @Test
    void leastRecentlyUsedCheckpointIsEvictedFirst() {
        try (CheckpointCache cache = new CheckpointCache(properties(2), registry,
                new CheckpointDirectories(Optional.empty()))) {
            use(cache, "a", 0);
            use(cache, "b", 1);
            use(cache, "a", 0);
            use(cache, "c", 2);

            assertThat(cache.cachedIds()).containsExactly("a", "c");
            assertThat(loads("a")).isEqualTo(1.0);
            assertThat(registry.get("sppo.generator.checkpoints.cached").gauge().value()).isEqualTo(2.0);
        }
    }

    @Test
    void publishedCheckpointEvictsOnlyOlderVersionsOfItsJobAndPreloadsItself() {
        try (CheckpointCache cache = new CheckpointCache(properties(3), registry,
                new CheckpointDirectories(Optional.empty()))) {
            use(cache, "a", 0);
            cache.withPolicy(new CheckpointRef("other", uri, "job-2", 0, null), policy -> policy);

            cache.reload(new CheckpointPublished(1, "job-1", "b", 1, uri, "sha", 1L, "a", null));

            assertThat(cache.cachedIds()).containsExactlyInAnyOrder("other", "b");
            assertThat(loads("b")).isEqualTo(1.0);
        }
    }

    @Test
    void fileUriAndPlainPathOfOneDirectoryShareOneEntry() {
        try (CheckpointCache cache = new CheckpointCache(properties(2), registry,
                new CheckpointDirectories(Optional.empty()))) {
            cache.withPolicy(CheckpointRef.adHoc(uri), policy -> policy);
            cache.withPolicy(CheckpointRef.adHoc(store.resolve("ckpt").toString()), policy -> policy);

            assertThat(cache.cachedIds()).containsExactly(store.resolve("ckpt").toAbsolutePath().toString());
        }
    }

    @Test
    void missingDirectoryIsNotFoundAndBrokenOneIsMalformed() throws Exception {
        Path broken = Files.createDirectories(store.resolve("broken"));
        Files.writeString(broken.resolve("config.json"), "{not json");
        try (CheckpointCache cache = new CheckpointCache(properties(2), registry,
                new CheckpointDirectories(Optional.empty()))) {
            assertThatThrownBy(() -> cache.withPolicy(CheckpointRef.adHoc(store.resolve("absent").toString()), p -> p))
                    .isInstanceOfSatisfying(CheckpointException.class,
                            e -> assertThat(e.reason()).isEqualTo(CheckpointException.Reason.NOT_FOUND))
                    .hasMessageContaining("absent");
            assertThatThrownBy(() -> cache.withPolicy(CheckpointRef.adHoc(broken.toString()), p -> p))
                    .isInstanceOfSatisfying(CheckpointException.class,
                            e -> assertThat(e.reason()).isEqualTo(CheckpointException.Reason.MALFORMED))
                    .hasMessageContaining("config.json");
            assertThat(cache.cachedIds()).isEmpty();
        }
    }

    @Test
    void aCheckpointOnTheSharedVolumeLoadsOnlyWithTheManifestDigestItWasAnnouncedWith() {
        String recorded = CheckpointManifest.of(store.resolve("ckpt")).digest();
        try (CheckpointCache cache = new CheckpointCache(properties(2), registry,
                new CheckpointDirectories(Optional.empty()))) {
            String other = "0".repeat(64);
            assertThatThrownBy(() -> cache.withPolicy(new CheckpointRef("x", uri, "job-1", 1, other), p -> p))
                    .isInstanceOfSatisfying(CheckpointException.class,
                            e -> assertThat(e.reason()).isEqualTo(CheckpointException.Reason.MALFORMED))
                    .hasMessageContaining("its files have manifest digest " + recorded + ", not the " + other);
            cache.withPolicy(new CheckpointRef("y", uri, "job-1", 1, recorded), policy -> policy);

            assertThat(cache.cachedIds()).containsExactly("y");
        }
    }

    private static void use(CheckpointCache cache, String id, int version) {
        cache.withPolicy(new CheckpointRef(id, uri, "job-1", version, null), policy -> policy);
    }

    private double loads(String id) {
        return registry.get("sppo.generator.checkpoint.loads").tag("checkpoint", id).counter().count();
    }

    private GeneratorProperties properties(int cacheSize) {
        return new GeneratorProperties(null, cacheSize, store, 10, Duration.ofSeconds(1));
    }
}
