package dev.sppo.service.store;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.FileSystemUtils;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Iterator;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Verified checkpoint directories under {@code sppo.checkpoint-store.cache-dir}, at most {@code cache-size} bytes
 * of them: admitting one deletes the least recently used others until the rest fit. Directory {@code <id>} is
 * only ever a verified checkpoint: downloads and unpacking happen beside it under {@code .staging}, and a verified
 * one is moved into place. Not thread-safe: {@link RemoteCheckpointStore} serialises its use.
 */
final class LocalCheckpointCache {

    private static final Logger LOG = LoggerFactory.getLogger(LocalCheckpointCache.class);
    private static final String STAGING = ".staging";
    private static final String MARKER = ".sppo-checkpoint-cache";

    private final Path root;
    private final long capacity;
    private final LinkedHashMap<String, Long> bytesById = new LinkedHashMap<>(16, 0.75f, true);

    /**
     * Empties {@code root}, since nothing a former run left there was verified by this one; a directory that holds
     * files but not the cache's marker file is refused instead, so that a mistyped setting never empties a
     * directory that is no cache.
     */
    LocalCheckpointCache(Path root, long capacity) {
        this.root = root.toAbsolutePath().normalize();
        this.capacity = capacity;
        try {
            Files.createDirectories(this.root);
            Path marker = this.root.resolve(MARKER);
            try (Stream<Path> children = Files.list(this.root)) {
                List<Path> all = children.toList();
                if (!all.isEmpty() && !Files.exists(marker)) {
                    throw new IllegalStateException("sppo.checkpoint-store.cache-dir " + root + ": not empty and not a "
                            + "checkpoint cache (no " + MARKER + " file); name an empty or new directory");
                }
                for (Path child : all) {
                    FileSystemUtils.deleteRecursively(child);
                }
            }
            Files.createFile(marker);
            Files.createDirectories(this.root.resolve(STAGING));
        } catch (IOException e) {
            throw new UncheckedIOException("sppo.checkpoint-store.cache-dir " + root + ": cannot prepare it: "
                    + e.getMessage(), e);
        }
    }

    /** The cached directory of checkpoint {@code id}, marked as used now. */
    Optional<Path> get(String id) {
        return bytesById.get(id) == null ? Optional.empty() : Optional.of(root.resolve(id));
    }

    /** A fresh, empty place to download or unpack into; the caller deletes it unless it is admitted. */
    Path staging() {
        return root.resolve(STAGING).resolve(UUID.randomUUID().toString());
    }

    /** Moves the verified {@code staged} directory into place as {@code id}, then evicts down to the capacity. */
    Path admit(String id, Path staged, long bytes) throws IOException {
        Path dir = root.resolve(id);
        FileSystemUtils.deleteRecursively(dir);
        Files.move(staged, dir, StandardCopyOption.ATOMIC_MOVE);
        bytesById.put(id, bytes);
        evictBeyondCapacity(id);
        return dir;
    }

    /** The bytes of all cached checkpoints. */
    long bytes() {
        return bytesById.values().stream().mapToLong(Long::longValue).sum();
    }

    private void evictBeyondCapacity(String keep) throws IOException {
        Iterator<Map.Entry<String, Long>> eldestFirst = bytesById.entrySet().iterator();
        while (bytes() > capacity && eldestFirst.hasNext()) {
            Map.Entry<String, Long> entry = eldestFirst.next();
            if (!entry.getKey().equals(keep)) {
                eldestFirst.remove();
                FileSystemUtils.deleteRecursively(root.resolve(entry.getKey()));
                LOG.info("Evicted checkpoint {} ({} bytes) from the local cache", entry.getKey(), entry.getValue());
            }
        }
    }
}
