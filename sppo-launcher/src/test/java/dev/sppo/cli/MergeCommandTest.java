package dev.sppo.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDManager;
import dev.sppo.checkpoint.AdapterDirectory;
import dev.sppo.checkpoint.ModelDirectory;
import dev.sppo.model.LlamaWeights;
import dev.sppo.model.LoraAdapter;
import dev.sppo.model.LoraConfig;
import dev.sppo.model.LoraTargets;
import dev.sppo.model.Policy;
import dev.sppo.model.WeightPrecision;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MergeCommandTest {

    private static final long[] IDS = {1, 40, 41, 7, 66, 2};

    @TempDir
    Path tmp;

    @Test
    void mergedDirectoryComputesWhatBasePlusAdapterComputes() throws Exception {
        Path base = Cli.initTinyModel(tmp);
        Path adapter = tmp.resolve("adapter");
        Path merged = tmp.resolve("merged");
        LoraConfig lora = new LoraConfig(4, 8, 0, LoraTargets.named(List.of("q_proj", "v_proj", "up_proj")), false);
        try (NDManager manager = NDManager.newBaseManager();
                Policy adapted = ModelDirectory.load(base, manager, (config, weights) -> LlamaWeights.adapted(weights,
                        WeightPrecision.FLOAT32, new LoraAdapter(lora, noisy(5))))) {
            AdapterDirectory.save(adapted.model(), adapter, base.toString());

            Cli merge = Cli.run("merge", "--model", base.toString(), "--adapter", adapter.toString(),
                    "--out", merged.toString());

            assertThat(merge.err()).isEmpty();
            assertThat(merge.exitCode()).isEqualTo(0);
            assertThat(merge.out()).isEqualTo("wrote " + merged + ": " + base + " merged with " + adapter
                    + " (r 4, scaling 2.000), float32\n");
            try (Policy loaded = ModelDirectory.load(merged, manager)) {
                float[] expected = adapted.model().forward(manager.create(IDS).expandDims(0)).toFloatArray();
                float[] actual = loaded.model().forward(manager.create(IDS).expandDims(0)).toFloatArray();
                for (int i = 0; i < expected.length; i++) {
                    assertThat((double) actual[i]).as("logit %d", i).isCloseTo(expected[i], within(1e-5));
                }
            }
        }
    }

    @Test
    void writesHalfPrecisionShardsAndRefusesAMissingAdapterInOneLine() throws Exception {
        Path base = Cli.initTinyModel(tmp);
        Path adapter = tmp.resolve("adapter");
        try (NDManager manager = NDManager.newBaseManager();
                Policy adapted = ModelDirectory.load(base, manager, (config, weights) -> LlamaWeights.adapted(weights,
                        WeightPrecision.FLOAT32, LoraAdapter.fresh(LoraConfig.defaults(), 1)))) {
            AdapterDirectory.save(adapted.model(), adapter, base.toString());
        }
        Path merged = tmp.resolve("merged");

        Cli merge = Cli.run("merge", "--model", base.toString(), "--adapter", adapter.toString(),
                "--out", merged.toString(), "--dtype", "bfloat16", "--max-shard-size", "10KB");

        assertThat(merge.exitCode()).isEqualTo(0);
        assertThat(merged.resolve("model.safetensors.index.json")).exists();
        assertThat(Files.readString(merged.resolve("config.json"))).contains("\"torch_dtype\": \"bfloat16\"");
        Cli missing = Cli.run("merge", "--model", base.toString(), "--adapter", tmp.resolve("nope").toString(),
                "--out", tmp.resolve("x").toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).isEqualTo("sppo merge: " + tmp.resolve("nope")
                + ": not a PEFT adapter directory: no adapter_config.json\n");
    }

    /** Adapter values ~ N(0, 0.3²): B non-zero, so the merge changes every targeted weight. */
    private static dev.sppo.model.WeightSource noisy(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        return spec -> {
            float[] values = new float[Math.toIntExact(spec.numel())];
            for (int i = 0; i < values.length; i++) {
                values[i] = (float) (rng.nextGaussian() * 0.3);
            }
            return values;
        };
    }
}
