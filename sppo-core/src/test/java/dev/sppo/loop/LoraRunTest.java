package dev.sppo.loop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDManager;
import dev.sppo.checkpoint.AdapterDirectory;
import dev.sppo.checkpoint.PolicyDirectory;
import dev.sppo.checkpoint.WeightFiles;
import dev.sppo.config.InvalidConfigException;
import dev.sppo.model.LoraTargets;
import dev.sppo.model.Policy;
import dev.sppo.model.WeightPrecision;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SPPO through a LoRA adapter: what each iteration writes, and the settings that select it. */
class LoraRunTest {

    @TempDir
    Path tmp;

    @Test
    void continuedAdapterOnABfloat16BaseWritesPeftAdapterCheckpointsOnThatBase() throws Exception {
        SppoConfig config = new SppoConfigReader().read(tinyRun(Map.of("r", 4, "alpha", 8,
                "target_modules", List.of("q_proj", "v_proj", "down_proj")), "bfloat16"));
        List<IterationResult> results = new SppoLoop(config, new PrintStream(new ByteArrayOutputStream(), true)).run();

        assertThat(results).hasSize(3);
        Path base = Path.of(results.get(0).checkpoint()).toAbsolutePath().normalize();
        for (int t = 1; t <= 2; t++) {
            Path checkpoint = config.runDir().resolve("iter-" + t);
            assertThat(results.get(t).checkpoint()).isEqualTo(checkpoint.toString());
            assertThat(AdapterDirectory.isAdapter(checkpoint)).isTrue();
            assertThat(checkpoint.resolve(WeightFiles.SINGLE_FILE)).doesNotExist();
            AdapterDirectory.Description adapter = AdapterDirectory.describe(checkpoint);
            assertThat(adapter.baseModel()).isEqualTo(base.toString());
            assertThat(adapter.lora().r()).isEqualTo(4);
            assertThat(results.get(t).kl()).as("KL(π_%d ‖ π_%d)", t, t - 1).isPositive();
        }
        try (NDManager manager = NDManager.newBaseManager();
                Policy policy = PolicyDirectory.load(config.runDir().resolve("iter-2"), WeightPrecision.BFLOAT16,
                        manager)) {
            assertThat(policy.model().adapter().orElseThrow().targets())
                    .isEqualTo(LoraTargets.named(List.of("q_proj", "v_proj", "down_proj")));
        }
    }

    @Test
    void freshAdapterPerIterationWritesMergedModelCheckpoints() throws Exception {
        SppoConfig config = new SppoConfigReader().read(tinyRun(Map.of("per_iteration", "fresh"), "float32"));
        List<IterationResult> results = new SppoLoop(config, new PrintStream(new ByteArrayOutputStream(), true)).run();

        for (int t = 1; t <= 2; t++) {
            Path checkpoint = config.runDir().resolve("iter-" + t);
            assertThat(AdapterDirectory.isAdapter(checkpoint)).isFalse();
            assertThat(checkpoint.resolve(WeightFiles.SINGLE_FILE)).isRegularFile();
            assertThat(results.get(t).kl()).isPositive();
        }
    }

    @Test
    void settingsAreReadWithDefaultsAndBadOnesRefusedByName() {
        SppoConfig defaults = new SppoConfigReader().read(Map.of());
        assertThat(defaults.weights()).isEqualTo(WeightsConfig.FULL);
        SppoConfig lora = new SppoConfigReader().read(Map.of("lora", Map.of("use_rslora", true),
                "save", Map.of("dtype", "bfloat16", "max_shard_size", "2GB")));
        assertThat(lora.weights().adapter().lora().r()).isEqualTo(16);
        assertThat(lora.weights().adapter().lora().scaling()).isEqualTo(32 / 4.0);
        assertThat(lora.weights().adapter().perIteration()).isEqualTo(AdapterTraining.PerIteration.CONTINUE);
        assertThat(lora.weights().save().maxShardBytes()).isEqualTo(2_000_000_000L);
        assertThatThrownBy(() -> new SppoConfigReader().read(Map.of("base", Map.of("dtype", "bfloat16"))))
                .isInstanceOf(InvalidConfigException.class).hasMessageContaining("base.dtype: a base held in bfloat16");
        assertThatThrownBy(() -> new SppoConfigReader().read(Map.of("lora", Map.of("rank", 8))))
                .hasMessageContaining("lora.rank: unknown setting");
        assertThatThrownBy(() -> new SppoConfigReader().read(Map.of("lora", Map.of("per_iteration", "sometimes"))))
                .hasMessageContaining("lora.per_iteration: unknown value");
        assertThatThrownBy(() -> new SppoConfigReader().read(Map.of("save", Map.of("dtype", "int8"))))
                .hasMessageContaining("save.dtype: expected one of float32, bfloat16, float16");
    }

    private Map<String, Object> tinyRun(Map<String, Object> lora, String baseDtype) {
        Map<String, Object> base = new HashMap<>();
        base.put("dtype", baseDtype);
        base.put("warm_start", Map.of("hidden_size", 32, "demonstrations", 64, "epochs", 1));
        return Map.of(
                "run_dir", tmp.resolve("run").toString(),
                "cache_dir", tmp.resolve("cache").toString(),
                "iterations", 2, "prompts_per_iteration", 32,
                "base", base,
                "lora", lora,
                "training", Map.of("learning_rate", 0.05, "epochs", 2, "batch_size", 4),
                "evaluation", Map.of("prompts", 16));
    }
}
