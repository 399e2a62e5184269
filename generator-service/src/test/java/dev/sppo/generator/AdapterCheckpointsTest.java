package dev.sppo.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDManager;
import dev.sppo.checkpoint.AdapterDirectory;
import dev.sppo.checkpoint.ModelDirectory;
import dev.sppo.contracts.AdapterBase;
import dev.sppo.contracts.CheckpointPublished;
import dev.sppo.contracts.ContractVersion;
import dev.sppo.contracts.GeneratedResponse;
import dev.sppo.contracts.SamplingSpec;
import dev.sppo.contracts.store.CheckpointManifest;
import dev.sppo.model.LlamaWeights;
import dev.sppo.model.LoraAdapter;
import dev.sppo.model.LoraConfig;
import dev.sppo.model.LoraTargets;
import dev.sppo.model.Policy;
import dev.sppo.model.WeightPrecision;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * LoRA adapter checkpoints in the generator: an adapter loaded on its base samples what the merged model samples, and
 * the next adapter of a job on the same base replaces only A and B in the policy already loaded.
 */
class AdapterCheckpointsTest {

    private static final LoraConfig RANK_4 = new LoraConfig(4, 8, 0, LoraTargets.named(LoraTargets.ALL_LINEAR), false);
    private static final LoraConfig RANK_2 = new LoraConfig(2, 8, 0, LoraTargets.named(LoraTargets.ALL_LINEAR), false);
    private static final SamplingSpec SAMPLING = new SamplingSpec(4, 1.0, 1.0, 0, 6, 17);

    @TempDir
    static Path store;
    private static Path base;

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @BeforeAll
    static void writeBase() throws Exception {
        base = TinyCheckpoint.write(store.resolve("job-1-v0"), 1);
        for (int version = 1; version <= 3; version++) {
            writeAdapter(version, version == 3 ? RANK_2 : RANK_4);
        }
    }

    @Test
    void anAdapterLoadedOnItsBaseSamplesWhatItsMergedModelSamples() {
        try (CheckpointCache cache = cache()) {
            List<GeneratedResponse> adapter = sample(cache, adapterRef(1));
            List<GeneratedResponse> merged = sample(cache, CheckpointRef.adHoc(store.resolve("merged-1").toString()));

            assertSameSamples(adapter, merged);
            assertThat(adapter).extracting(GeneratedResponse::referenceLogprob).as("a trained adapter moves π_0")
                    .isNotEqualTo(sample(cache, CheckpointRef.adHoc(base.toString()))
                            .stream().map(GeneratedResponse::referenceLogprob).toList());
        }
    }

    @Test
    void theNextAdapterOfAJobOnTheSameBaseIsSwappedIntoTheLoadedPolicy() {
        try (CheckpointCache cache = cache()) {
            cache.withPolicy(new CheckpointRef("job-1-v0", base.toUri().toString(), "job-1", 0, null), p -> p);
            cache.reload(event(1));
            Policy first = cache.withPolicy(adapterRef(1), p -> p);

            cache.reload(event(2));

            assertThat(cache.cachedIds()).containsExactly("job-1-v2");
            Policy second = cache.withPolicy(adapterRef(2), p -> p);
            assertThat((Object) second).as("the same base weights, still loaded").isSameAs(first);
            assertThat(count("sppo.generator.checkpoint.loads", "job-1-v2")).isZero();
            assertThat(count("sppo.generator.adapter.swaps", "job-1-v2")).isEqualTo(1.0);
            assertThat(count("sppo.generator.checkpoint.loads", "job-1-v1")).isEqualTo(1.0);
            assertSameSamples(sample(cache, adapterRef(2)),
                    sample(cache, CheckpointRef.adHoc(store.resolve("merged-2").toString())));
        }
    }

    @Test
    void anAdapterOfAnotherRankIsLoadedWhole() {
        try (CheckpointCache cache = cache()) {
            cache.reload(event(2));
            cache.reload(event(3));

            assertThat(cache.cachedIds()).containsExactly("job-1-v3");
            assertThat(count("sppo.generator.checkpoint.loads", "job-1-v3")).isEqualTo(1.0);
            assertThat(count("sppo.generator.adapter.swaps", "job-1-v3")).isZero();
            assertSameSamples(sample(cache, adapterRef(3)),
                    sample(cache, CheckpointRef.adHoc(store.resolve("merged-3").toString())));
        }
    }

    private static void assertSameSamples(List<GeneratedResponse> actual, List<GeneratedResponse> expected) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < actual.size(); i++) {
            assertThat(actual.get(i).tokenIds()).isEqualTo(expected.get(i).tokenIds());
            assertThat(actual.get(i).referenceLogprob()).isCloseTo(expected.get(i).referenceLogprob(), within(1e-4));
        }
    }

    private static List<GeneratedResponse> sample(CheckpointCache cache, CheckpointRef ref) {
        return cache.withPolicy(ref, policy -> ResponseSampler.sample(policy, PromptInput.text("12+30="), SAMPLING))
                .responses();
    }

    private static CheckpointRef adapterRef(int version) {
        return CheckpointRef.of(event(version));
    }

    private static CheckpointPublished event(int version) {
        String id = "job-1-v" + version;
        String baseManifest = CheckpointManifest.of(base).digest();
        return new CheckpointPublished(ContractVersion.CURRENT, "job-1", id, version,
                store.resolve(id).toUri().toString(), "0".repeat(64), 1L, "job-1-v" + (version - 1), null,
                new AdapterBase("job-1-v0", base.toUri().toString(), "0".repeat(64), baseManifest));
    }

    /** A random adapter (B non-zero, so it moves the base) as {@code job-1-v<version>}, and its merged model. */
    private static void writeAdapter(int version, LoraConfig lora) throws Exception {
        SplittableRandom rng = new SplittableRandom(version);
        LoraAdapter adapter = new LoraAdapter(lora, spec -> {
            float[] values = new float[Math.toIntExact(spec.numel())];
            for (int i = 0; i < values.length; i++) {
                values[i] = (float) (rng.nextDouble() - 0.5);
            }
            return values;
        });
        try (NDManager manager = NDManager.newBaseManager(); Policy policy = ModelDirectory.load(base, manager,
                (config, values) -> LlamaWeights.adapted(values, WeightPrecision.FLOAT32, adapter))) {
            AdapterDirectory.save(policy.model(), store.resolve("job-1-v" + version), base.toString());
            ModelDirectory.save(policy, store.resolve("merged-" + version), Map.of());
        }
    }

    private double count(String name, String checkpoint) {
        Counter counter = registry.find(name).tag("checkpoint", checkpoint).counter();
        return counter == null ? 0 : counter.count();
    }

    private CheckpointCache cache() {
        return new CheckpointCache(new GeneratorProperties(null, 3, store, 10, Duration.ofSeconds(1)), registry,
                new CheckpointDirectories(Optional.empty()));
    }
}
