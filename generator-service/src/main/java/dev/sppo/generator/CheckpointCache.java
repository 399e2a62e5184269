package dev.sppo.generator;

import ai.djl.ndarray.NDManager;
import dev.sppo.checkpoint.AdapterDirectory;
import dev.sppo.checkpoint.MalformedCheckpointException;
import dev.sppo.checkpoint.ModelDirectory;
import dev.sppo.contracts.CheckpointPublished;
import dev.sppo.model.InvalidModelConfigException;
import dev.sppo.model.LoraAdapter;
import dev.sppo.model.Policy;
import dev.sppo.model.WeightPrecision;
import dev.sppo.service.store.CheckpointRefusedException;
import dev.sppo.service.store.StoreUnavailableException;
import dev.sppo.tokenizer.MalformedTokenizerException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The loaded policies by checkpoint id, at most {@code sppo.generator.cache-size} of them, the least recently
 * used evicted (and closed) first. Their files come from {@link CheckpointDirectories}: a shared volume, or the
 * trainer's store over http.
 *
 * <p>Every use of a policy runs under the cache's lock, so an eviction never closes a policy in the middle of a
 * sample; sampling is CPU-bound, so running one request at a time costs little throughput.
 *
 * <p>A LoRA adapter checkpoint is loaded on its base (both directories from {@link CheckpointDirectories}). When the
 * next version of a job is an adapter on the base a cached older version of it holds, only the adapter is read and
 * its A and B replace the old ones in that policy (megabytes instead of the whole model; the base weights stay
 * loaded). Metrics: {@code sppo.generator.checkpoint.loads} (whole policies read from the store, tag
 * {@code checkpoint}), {@code sppo.generator.adapter.swaps} (adapters swapped in, tag {@code checkpoint}) and the
 * gauge {@code sppo.generator.checkpoints.cached}.
 */
@Component
class CheckpointCache implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CheckpointCache.class);

    private record Entry(CheckpointRef ref, Policy policy) {}

    private final int capacity;
    private final MeterRegistry registry;
    private final CheckpointDirectories directories;
    private final NDManager manager = NDManager.newBaseManager();
    private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>(16, 0.75f, true);
    private volatile List<String> cachedIds = List.of();

    CheckpointCache(GeneratorProperties properties, MeterRegistry registry, CheckpointDirectories directories) {
        this.capacity = properties.cacheSize();
        this.registry = registry;
        this.directories = directories;
        Gauge.builder("sppo.generator.checkpoints.cached", this, cache -> cache.cachedIds.size())
                .description("checkpoints loaded in memory").register(registry);
    }

    /** Runs {@code work} on the policy of {@code ref}, loading it first unless it is cached. */
    synchronized <T> T withPolicy(CheckpointRef ref, Function<Policy, T> work) {
        return work.apply(policy(ref));
    }

    /**
     * Hot reload on a {@link CheckpointPublished}: evicts the job's older checkpoints, then loads the new one so
     * that the next request finds it ready. A new checkpoint that cannot be loaded is only logged here: the
     * requests that name it report the problem.
     */
    synchronized void reload(CheckpointPublished event) {
        CheckpointRef next = CheckpointRef.of(event);
        evictSuperseded(event, entry -> next.replacesAdapterOf(entry.ref()));
        try {
            policy(next);
        } catch (CheckpointException | CheckpointRefusedException | StoreUnavailableException e) {
            LOG.warn("Checkpoint {} published but not preloaded: {}", event.checkpointId(), e.getMessage());
        }
        evictSuperseded(event, entry -> false);
        snapshot();
    }

    /** Closes the job's versions older than {@code event}'s, but those to {@code keep} (for an adapter swap). */
    private void evictSuperseded(CheckpointPublished event, Predicate<Entry> keep) {
        Iterator<Entry> it = entries.values().iterator();
        while (it.hasNext()) {
            Entry entry = it.next();
            if (entry.ref().supersededBy(event) && !keep.test(entry)) {
                it.remove();
                close(entry);
            }
        }
    }

    /** The cached checkpoint ids, least recently used first. */
    List<String> cachedIds() {
        return cachedIds;
    }

    @Override
    public synchronized void close() {
        entries.values().forEach(CheckpointCache::close);
        entries.clear();
        snapshot();
        manager.close();
    }

    private Policy policy(CheckpointRef ref) {
        Entry entry = entries.get(ref.checkpointId());
        if (entry == null) {
            entry = swapped(ref).orElseGet(() -> new Entry(ref, load(ref)));
            entries.put(ref.checkpointId(), entry);
            evictOverflow();
            snapshot();
        }
        return entry.policy();
    }

    /**
     * {@code ref}'s policy made from a cached older adapter of its job on the same base, by replacing only A and B
     * (the older entry leaves the cache); empty when there is none, or its adapter has other settings.
     */
    private Optional<Entry> swapped(CheckpointRef ref) {
        Optional<Entry> older = entries.values().stream().filter(e -> ref.replacesAdapterOf(e.ref())).findFirst();
        if (older.isEmpty()) {
            return Optional.empty();
        }
        Policy policy = older.get().policy();
        Path dir = directory(ref);
        LoraAdapter adapter = read(ref, dir, () -> AdapterDirectory.read(dir, policy.config()));
        if (!policy.model().adapter().orElseThrow().equals(adapter.config())) {
            return Optional.empty();
        }
        entries.remove(older.get().ref().checkpointId());
        policy.model().replaceAdapter(adapter);
        Counter.builder("sppo.generator.adapter.swaps").description("adapters swapped in on a loaded base")
                .tag("checkpoint", ref.checkpointId()).register(registry).increment();
        LOG.info("Swapped in the adapter of checkpoint {} from {} on base {} (was {})", ref.checkpointId(), dir,
                ref.base().checkpointId(), older.get().ref().checkpointId());
        return Optional.of(new Entry(ref, policy));
    }

    /** Reads a whole policy: a model directory, or an adapter directory on its base's. */
    private Policy load(CheckpointRef ref) {
        Path dir = directory(ref);
        Path base = ref.base() == null ? null : directory(ref.base());
        Policy policy = read(ref, dir, () -> base == null ? ModelDirectory.load(dir, manager)
                : AdapterDirectory.load(base, dir, WeightPrecision.FLOAT32, manager));
        Counter.builder("sppo.generator.checkpoint.loads").description("checkpoint loads from the store")
                .tag("checkpoint", ref.checkpointId()).register(registry).increment();
        LOG.info("Loaded checkpoint {} from {}{}", ref.checkpointId(), dir,
                base == null ? "" : " on base " + ref.base().checkpointId() + " from " + base);
        return policy;
    }

    private Path directory(CheckpointRef ref) {
        Path dir = directories.of(ref);
        if (!Files.isDirectory(dir)) {
            throw new CheckpointException(CheckpointException.Reason.NOT_FOUND,
                    "checkpoint '" + ref.checkpointId() + "': no checkpoint directory at " + dir, null);
        }
        return dir;
    }

    /** What a checkpoint's files are read into. */
    @FunctionalInterface
    private interface Reading<T> {
        T read() throws IOException;
    }

    private static <T> T read(CheckpointRef ref, Path dir, Reading<T> reading) {
        try {
            return reading.read();
        } catch (IOException | UncheckedIOException | MalformedCheckpointException | InvalidModelConfigException
                | MalformedTokenizerException e) {
            throw new CheckpointException(CheckpointException.Reason.MALFORMED,
                    "checkpoint '" + ref.checkpointId() + "' at " + dir + " cannot be loaded: " + describe(e), e);
        }
    }

    private void evictOverflow() {
        Iterator<Map.Entry<String, Entry>> it = entries.entrySet().iterator();
        while (entries.size() > capacity && it.hasNext()) {
            Entry eldest = it.next().getValue();
            it.remove();
            close(eldest);
        }
    }

    private void snapshot() {
        cachedIds = List.copyOf(entries.keySet());
    }

    private static void close(Entry entry) {
        try {
            entry.policy().close();
            LOG.info("Closed checkpoint {}", entry.ref().checkpointId());
        } catch (Exception e) {
            LOG.warn("Closing checkpoint {} failed: {}", entry.ref().checkpointId(), e.getMessage());
        }
    }

    private static String describe(Exception e) {
        return e instanceof NoSuchFileException missing ? "missing file " + missing.getFile() : e.getMessage();
    }
}
