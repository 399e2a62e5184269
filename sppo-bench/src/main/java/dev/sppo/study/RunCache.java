package dev.sppo.study;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import dev.sppo.checkpoint.Digests;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The finished runs of a study, one {@value #FILE} per run directory, written only after the run and its KL
 * estimates completed. A run whose file is missing, unreadable or written for another config runs again.
 */
final class RunCache {

    static final String FILE = "study-run.json";

    private static final Gson GSON = new GsonBuilder().serializeSpecialFloatingPointValues().setPrettyPrinting()
            .create();

    private final Path runsDir;

    RunCache(Path runsDir) {
        this.runsDir = runsDir;
    }

    /** The cached outcome of {@code key}, if it was produced by a config with this digest. */
    Optional<RunOutcome> find(RunKey key, String digest) {
        Path file = key.dir(runsDir).resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            RunOutcome cached = GSON.fromJson(Files.readString(file, StandardCharsets.UTF_8), RunOutcome.class);
            return cached != null && key.equals(cached.key()) && digest.equals(cached.configDigest())
                    ? Optional.of(new RunOutcome(cached.key(), cached.configDigest(), cached.points()))
                    : Optional.empty();
        } catch (IOException | JsonParseException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    void store(RunOutcome outcome) throws IOException {
        Path dir = outcome.key().dir(runsDir);
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(FILE), GSON.toJson(outcome), StandardCharsets.UTF_8);
    }

    /** SHA-256 (first 16 hex digits) of the run tree with keys sorted, so that key order does not matter. */
    static String digest(Map<String, Object> runTree, int klPrompts, int klSamplesPerPrompt) {
        String canonical = GSON.toJson(List.of(sorted(runTree), klPrompts, klSamplesPerPrompt));
        return Digests.sha256(canonical.getBytes(StandardCharsets.UTF_8)).substring(0, 16);
    }

    @SuppressWarnings("unchecked")
    private static Object sorted(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new TreeMap<>();
            ((Map<String, Object>) map).forEach((k, v) -> out.put(k, sorted(v)));
            return out;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(RunCache::sorted).toList();
        }
        return value;
    }
}
