package dev.sppo.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.sppo.model.Llama;
import dev.sppo.model.LlamaWeights;
import dev.sppo.model.LoraAdapter;
import dev.sppo.model.LoraConfig;
import dev.sppo.model.LoraTargets;
import dev.sppo.model.NaiveLora;
import dev.sppo.model.Policy;
import dev.sppo.model.TestModels;
import dev.sppo.model.WeightPrecision;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AdapterDirectoryTest {

    private static final long[] IDS = {1, 5, 9, 3, 17, 0, 22, 8, 13};
    /** {@code adapter_config.json} as PEFT 0.13 writes it for LoraConfig(r=8, lora_alpha=16, q and v). */
    private static final String PEFT_CONFIG = """
            {
              "alpha_pattern": {},
              "auto_mapping": null,
              "base_model_name_or_path": "HuggingFaceTB/SmolLM2-135M",
              "bias": "none",
              "fan_in_fan_out": false,
              "inference_mode": true,
              "init_lora_weights": true,
              "layer_replication": null,
              "layers_pattern": null,
              "layers_to_transform": null,
              "loftq_config": {},
              "lora_alpha": 16,
              "lora_dropout": 0.05,
              "megatron_config": null,
              "megatron_core": "megatron.core",
              "modules_to_save": null,
              "peft_type": "LORA",
              "r": 8,
              "rank_pattern": {},
              "revision": null,
              "target_modules": [
                "v_proj",
                "q_proj"
              ],
              "task_type": "CAUSAL_LM",
              "use_dora": false,
              "use_rslora": false
            }
            """;

    @TempDir
    Path tmp;

    private NDManager manager;
    private Path baseDir;

    @BeforeEach
    void setUp() throws IOException {
        manager = NDManager.newBaseManager();
        baseDir = tmp.resolve("base");
        HfLlamaFixture.write(baseDir, HfLlamaFixture.tensors(3), DType.F32);
    }

    @AfterEach
    void tearDown() {
        manager.close();
    }

    @Test
    void savedAdapterHasPeftKeyNamesShapesAndConfigAndLoadsBackBitIdentical() throws Exception {
        LoraConfig lora = new LoraConfig(4, 12, 0.1, LoraTargets.named(List.of("k_proj", "down_proj")), true);
        Path adapterDir = tmp.resolve("adapter");
        try (Policy trained = withAdapter(new LoraAdapter(lora, TestModels.noisy(5)))) {
            AdapterDirectory.save(trained.model(), adapterDir, baseDir.toString());
            try (SafeTensorsFile file = SafeTensorsFile.open(adapterDir.resolve("adapter_model.safetensors"))) {
                assertThat(file.names()).containsExactlyInAnyOrder(
                        "base_model.model.model.layers.0.self_attn.k_proj.lora_A.weight",
                        "base_model.model.model.layers.0.self_attn.k_proj.lora_B.weight",
                        "base_model.model.model.layers.0.mlp.down_proj.lora_A.weight",
                        "base_model.model.model.layers.0.mlp.down_proj.lora_B.weight",
                        "base_model.model.model.layers.1.self_attn.k_proj.lora_A.weight",
                        "base_model.model.model.layers.1.self_attn.k_proj.lora_B.weight",
                        "base_model.model.model.layers.1.mlp.down_proj.lora_A.weight",
                        "base_model.model.model.layers.1.mlp.down_proj.lora_B.weight");
                assertThat(file.shape("base_model.model.model.layers.1.self_attn.k_proj.lora_A.weight"))
                        .containsExactly(4, 32);
                assertThat(file.shape("base_model.model.model.layers.1.self_attn.k_proj.lora_B.weight"))
                        .containsExactly(16, 4);
                assertThat(file.shape("base_model.model.model.layers.0.mlp.down_proj.lora_A.weight"))
                        .containsExactly(4, 48);
                assertThat(file.metadata()).containsEntry("format", "pt");
            }
            JsonObject config = JsonParser.parseString(Files.readString(adapterDir.resolve("adapter_config.json")))
                    .getAsJsonObject();
            assertThat(config.get("peft_type").getAsString()).isEqualTo("LORA");
            assertThat(config.get("task_type").getAsString()).isEqualTo("CAUSAL_LM");
            assertThat(config.get("r").getAsInt()).isEqualTo(4);
            assertThat(config.get("lora_alpha").toString()).isEqualTo("12");
            assertThat(config.get("lora_dropout").getAsDouble()).isEqualTo(0.1);
            assertThat(config.get("use_rslora").getAsBoolean()).isTrue();
            assertThat(config.get("target_modules").toString()).isEqualTo("[\"k_proj\",\"down_proj\"]");
            assertThat(config.get("base_model_name_or_path").getAsString()).isEqualTo(baseDir.toString());
            assertThat(new ArrayList<>(config.keySet())).isSorted();
            try (Policy loaded = AdapterDirectory.load(baseDir, adapterDir, WeightPrecision.FLOAT32, manager)) {
                assertThat(loaded.model().adapter()).contains(lora);
                assertThat(loaded.model().adapter().orElseThrow().scaling()).isEqualTo(12 / 2.0);
                assertThat(logits(loaded.model())).containsExactly(logits(trained.model()));
            }
        }
    }

    @Test
    void adapterLaidOutAsPeftWritesItLoadsAndComputesBasePlusScaledBa() throws Exception {
        Path adapterDir = tmp.resolve("peft");
        Files.createDirectories(adapterDir);
        Files.writeString(adapterDir.resolve("adapter_config.json"), PEFT_CONFIG);
        Map<String, float[]> stored = writePeftTensors(adapterDir);
        try (Policy base = ModelDirectory.load(baseDir, manager);
                Policy adapted = AdapterDirectory.load(baseDir, adapterDir, WeightPrecision.FLOAT32, manager);
                Llama expected = new Llama(base.config(), manager, spec -> {
                    float[] w = base.model().weight(spec.name()).toFloatArray();
                    String module = spec.name().replace(".weight", "");
                    float[] a = stored.get("base_model.model." + module + ".lora_A.weight");
                    return a == null ? w : NaiveLora.merge(w, a, stored.get("base_model.model." + module
                            + ".lora_B.weight"), 8, 16.0 / 8);
                })) {
            assertThat(adapted.model().adapter().orElseThrow().dropout()).isEqualTo(0.05);
            assertClose(logits(adapted.model()), logits(expected), 1e-5);
            assertThat(logits(adapted.model())).isNotEqualTo(logits(base.model()));
        }
    }

    @Test
    void mergedCheckpointComputesWhatBasePlusAdapterComputes() throws Exception {
        LoraConfig lora = new LoraConfig(3, 7, 0, LoraTargets.fromString("all-linear"), false);
        Path merged = tmp.resolve("merged");
        try (Policy adapted = withAdapter(new LoraAdapter(lora, TestModels.noisy(9)))) {
            ModelDirectory.save(adapted, merged, Map.of());
            try (Policy loaded = ModelDirectory.load(merged, manager)) {
                assertThat(loaded.model().adapter()).isEmpty();
                assertClose(logits(loaded.model()), logits(adapted.model()), 1e-5);
            }
        }
    }

    @Test
    void optionsThatChangeTheFunctionAreRefusedByName() throws Exception {
        Path adapterDir = tmp.resolve("dora");
        Files.createDirectories(adapterDir);
        Files.writeString(adapterDir.resolve("adapter_config.json"), PEFT_CONFIG.replace(
                "\"use_dora\": false", "\"use_dora\": true"));
        writePeftTensors(adapterDir);
        assertThatThrownBy(() -> AdapterDirectory.load(baseDir, adapterDir, WeightPrecision.FLOAT32, manager))
                .isInstanceOf(MalformedCheckpointException.class)
                .hasMessageContaining("adapter_config.json: use_dora: DoRA adapters are not supported");
        Files.writeString(adapterDir.resolve("adapter_config.json"), PEFT_CONFIG.replace(
                "\"rank_pattern\": {}", "\"rank_pattern\": {\"q_proj\": 4}"));
        assertThatThrownBy(() -> AdapterDirectory.load(baseDir, adapterDir, WeightPrecision.FLOAT32, manager))
                .hasMessageContaining("rank_pattern: per-module ranks are not supported");
    }

    @Test
    void tensorsThatDisagreeWithTheConfigAreRefusedNamingTheFileAndTensor() throws Exception {
        Path adapterDir = tmp.resolve("mismatch");
        Files.createDirectories(adapterDir);
        Files.writeString(adapterDir.resolve("adapter_config.json"), PEFT_CONFIG.replace("\"r\": 8", "\"r\": 4"));
        writePeftTensors(adapterDir);
        assertThatThrownBy(() -> AdapterDirectory.load(baseDir, adapterDir, WeightPrecision.FLOAT32, manager))
                .isInstanceOf(MalformedCheckpointException.class)
                .hasMessageContaining("adapter_model.safetensors: tensor 'base_model.model.model.layers.0.self_attn."
                        + "q_proj.lora_A.weight': has shape [8, 32] but adapter_config.json implies [4, 32]");
        Files.writeString(adapterDir.resolve("adapter_config.json"), PEFT_CONFIG.replace(
                "\"v_proj\",", "\"v_proj\", \"k_proj\","));
        assertThatThrownBy(() -> AdapterDirectory.load(baseDir, adapterDir, WeightPrecision.FLOAT32, manager))
                .hasMessageContaining("missing tensor(s) required by adapter_config.json: "
                        + "base_model.model.model.layers.0.self_attn.k_proj.lora_A.weight");
        Files.writeString(adapterDir.resolve("adapter_config.json"), PEFT_CONFIG.replace(
                "\"target_modules\": [", "\"target_modules\": [\"c_attn\", "));
        assertThatThrownBy(() -> AdapterDirectory.load(baseDir, adapterDir, WeightPrecision.FLOAT32, manager))
                .hasMessageContaining("adapter_config.json: target_modules: 'c_attn' matches no projection");
    }

    /** q_proj and v_proj adapters of rank 8 in bfloat16, as PEFT saves a bf16 model's; returns the stored values. */
    private static Map<String, float[]> writePeftTensors(Path dir) {
        SplittableRandom rng = new SplittableRandom(11);
        List<Tensor> tensors = new ArrayList<>();
        for (int layer = 0; layer < 2; layer++) {
            String p = "base_model.model.model.layers." + layer + ".self_attn.";
            tensors.add(HfLlamaFixture.random(rng, p + "q_proj.lora_A.weight", 8, 32));
            tensors.add(HfLlamaFixture.random(rng, p + "q_proj.lora_B.weight", 32, 8));
            tensors.add(HfLlamaFixture.random(rng, p + "v_proj.lora_A.weight", 8, 32));
            tensors.add(HfLlamaFixture.random(rng, p + "v_proj.lora_B.weight", 16, 8));
        }
        Path file = dir.resolve("adapter_model.safetensors");
        SafeTensorsWriter.write(file, tensors, Map.of("format", "pt"), DType.BF16);
        Map<String, float[]> stored = new HashMap<>();
        try (SafeTensorsFile read = SafeTensorsFile.open(file)) {
            read.names().forEach(name -> stored.put(name, read.readFloats(name)));
        }
        return stored;
    }

    private Policy withAdapter(LoraAdapter adapter) throws IOException {
        return ModelDirectory.load(baseDir, manager,
                (config, base) -> LlamaWeights.adapted(base, WeightPrecision.FLOAT32, adapter));
    }

    private float[] logits(Llama model) {
        NDArray input = manager.create(IDS).expandDims(0);
        return model.forward(input).toFloatArray();
    }

    private static void assertClose(float[] actual, float[] expected, double tolerance) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < actual.length; i++) {
            assertThat((double) actual[i]).as("logit %d", i)
                    .isCloseTo(expected[i], within(tolerance));
        }
    }
}
