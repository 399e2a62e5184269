package dev.sppo.service.store;

import dev.sppo.contracts.store.CheckpointManifest;
import dev.sppo.contracts.store.StoreEntry;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.FileSystemUtils;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The checkpoint store as its readers (generators, the preference-service) see it when they share no filesystem
 * with the trainer: checkpoint {@code id} is fetched from the trainer's store API ({@code http:} url) or from an
 * S3-compatible bucket ({@code s3:} url), and served only when the manifest of what landed is the one recorded when
 * the checkpoint was written. A checkpoint that fails is fetched once more, then refused
 * ({@link CheckpointRefusedException}); an unreachable store is retried with backoff
 * ({@link StoreUnavailableException} when it stays so). Verified checkpoints stay in a {@link LocalCheckpointCache}
 * bounded by bytes. One fetch at a time.
 */
public final class RemoteCheckpointStore {

    private static final Logger LOG = LoggerFactory.getLogger(RemoteCheckpointStore.class);
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,199}");
    private static final int FETCHES = 2;
    /** Checkpoints asked of the store, by outcome. */
    public static final String FETCHES_METER = "sppo.checkpoint.store.fetches";
    /** Bytes of fetched checkpoints in the local cache. */
    public static final String CACHED_BYTES_METER = "sppo.checkpoint.store.cached.bytes";

    private final StoreSource source;
    private final LocalCheckpointCache cache;
    private final MeterRegistry registry;
    /** {@link LocalCheckpointCache#bytes()} as of the last change, readable without waiting for a fetch. */
    private volatile long cachedBytes;

    /**
     * @param serviceKey the key the trainer's store API asks for ({@code http:}); null when the backends ask for none
     * @param registry where {@value #FETCHES_METER} (tag {@code outcome}: {@code verified}, {@code corrupt} for each
     *     fetch that failed its manifest, {@code refused}, {@code unavailable}) and {@value #CACHED_BYTES_METER}
     *     are kept
     */
    public RemoteCheckpointStore(CheckpointStoreProperties properties, String serviceKey, MeterRegistry registry) {
        if (!properties.remote()) {
            throw new IllegalArgumentException("sppo.checkpoint-store.url: required for a remote checkpoint store");
        }
        if (properties.cacheDir() == null) {
            throw new IllegalArgumentException("sppo.checkpoint-store.cache-dir: required with a store url");
        }
        this.source = properties.objectStore() ? new S3CheckpointBucket(properties)
                : new HttpStoreSource(properties, serviceKey);
        this.cache = new LocalCheckpointCache(properties.cacheDir(), properties.cacheSize().toBytes());
        this.registry = registry;
        Gauge.builder(CACHED_BYTES_METER, this, RemoteCheckpointStore::cachedBytes)
                .description("bytes of fetched checkpoints in the local cache").register(registry);
    }

    /**
     * The local directory of checkpoint {@code id}, fetched and verified unless it is cached.
     *
     * @param expectedManifestSha256 the digest the caller was told (a checkpoint event's), or null to take the one
     *     the store recorded
     * @throws CheckpointRefusedException naming the checkpoint and why (unknown id, refused key, failed digest)
     * @throws StoreUnavailableException when the store cannot be reached through the retries
     */
    public synchronized Path directory(String id, String expectedManifestSha256) {
        if (id == null || !ID.matcher(id).matches()) {
            throw new CheckpointRefusedException("checkpoint id '" + id + "' is not a store entry name");
        }
        Optional<Path> cached = cache.get(id);
        if (cached.isPresent()) {
            return cached.get();
        }
        try {
            Path fetched = fetch(id, expectedManifestSha256);
            count("verified");
            return fetched;
        } catch (CheckpointRefusedException e) {
            count("refused");
            throw e;
        } catch (StoreUnavailableException e) {
            count("unavailable");
            throw e;
        }
    }

    private Path fetch(String id, String expectedManifestSha256) {
        String problem = null;
        for (int fetch = 1; fetch <= FETCHES; fetch++) {
            StoreEntry entry = source.entry(id);
            Path scratch = cache.staging();
            Path staged = cache.staging();
            try {
                problem = verifiedInto(entry, expectedManifestSha256, staged, scratch).orElse(null);
                if (problem == null) {
                    LOG.info("Fetched checkpoint {} ({} bytes) from {}", id, entry.manifest().totalBytes(),
                            source.url());
                    Path dir = cache.admit(id, staged, entry.manifest().totalBytes());
                    cachedBytes = cache.bytes();
                    return dir;
                }
                count("corrupt");
                LOG.warn("Checkpoint {} from {} refused: {}; {}", id, source.url(), problem,
                        fetch < FETCHES ? "fetching it again" : "giving up");
            } catch (IOException e) {
                throw new UncheckedIOException("checkpoint '" + id + "': cannot write the local cache: "
                        + e.getMessage(), e);
            } finally {
                deleteQuietly(scratch);
                deleteQuietly(staged);
            }
        }
        throw new CheckpointRefusedException("checkpoint '" + id + "' from the store at " + source.url()
                + " failed its manifest digest on " + FETCHES + " fetches: " + problem);
    }

    private void count(String outcome) {
        registry.counter(FETCHES_METER, "outcome", outcome).increment();
    }

    /**
     * The store entry a checkpoint URI names: its last path segment, the checkpoint's directory name
     * ({@code file:/var/lib/sppo/checkpoints/checkpoints/pm-1b2c} names {@code pm-1b2c}).
     */
    public static String idOf(String uri) {
        String path = uri.replaceAll("/+$", "");
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /** Bytes of the checkpoints in the local cache. */
    public long cachedBytes() {
        return cachedBytes;
    }

    /** Fetches the entry's files into {@code dir}; empty when what landed is the checkpoint. */
    private Optional<String> verifiedInto(StoreEntry entry, String expected, Path dir, Path scratch)
            throws IOException {
        CheckpointManifest manifest = entry.manifest();
        if (manifest == null || entry.manifestSha256() == null) {
            return Optional.of("the store's description has no manifest");
        }
        if (expected != null && !expected.equals(entry.manifestSha256())) {
            return Optional.of("manifest digest " + expected + " expected (as announced), the store recorded "
                    + entry.manifestSha256());
        }
        if (!manifest.digest().equals(entry.manifestSha256())) {
            return Optional.of("the store's files have manifest digest " + manifest.digest() + ", not the "
                    + entry.manifestSha256() + " recorded when the checkpoint was written");
        }
        Files.createDirectories(dir);
        Optional<String> fetched = source.fetch(entry, dir, scratch);
        return fetched.isPresent() ? fetched : manifest.differenceFrom(CheckpointManifest.of(dir));
    }

    private static void deleteQuietly(Path tree) {
        try {
            FileSystemUtils.deleteRecursively(tree);
        } catch (IOException e) {
            LOG.warn("Could not delete {}: {}", tree, e.getMessage());
        }
    }
}
