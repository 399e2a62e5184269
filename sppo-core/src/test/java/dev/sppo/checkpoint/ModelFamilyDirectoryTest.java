package dev.sppo.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.sppo.model.InvalidModelConfigException;
import dev.sppo.model.Llama;
import dev.sppo.model.LlamaConfig;
import dev.sppo.model.LlamaLayout;
import dev.sppo.model.Policy;
import dev.sppo.model.TestModels;
import dev.sppo.tokenizer.CharTokenizer;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

class ModelFamilyDirectoryTest {

    @TempDir
    Path tmp;

    private NDManager manager;

    @BeforeEach
    void setUp() {
        manager = NDManager.newBaseManager();
    }

    @AfterEach
    void tearDown() {
        manager.close();
    }

    static Stream<LlamaConfig> families() {
        return TestModels.families().stream();
    }

    @ParameterizedTest
    @MethodSource("families")
    void saveThenLoadIsBitIdenticalInEveryWeightAndInTheLogits(LlamaConfig config) throws Exception {
        Path dir = tmp.resolve("saved");
        try (Policy original = policy(config)) {
            ModelDirectory.save(original, dir, Map.of());
            try (Policy reloaded = ModelDirectory.load(dir, manager)) {
                assertThat(reloaded.config()).isEqualTo(original.config());
                for (LlamaLayout.TensorSpec spec : LlamaLayout.tensors(config)) {
                    assertThat(reloaded.model().weight(spec.name()).toFloatArray()).as(spec.name())
                            .containsExactly(original.model().weight(spec.name()).toFloatArray());
                }
                NDArray ids = manager.create(new long[] {1, 5, 9, 4, 1, 7, 7, 30, 1, 2, 3, 4}, new Shape(2, 6));
                assertThat(reloaded.model().forward(ids).toFloatArray())
                        .containsExactly(original.model().forward(ids).toFloatArray());
            }
        }
        JsonObject json = JsonParser.parseString(Files.readString(dir.resolve("config.json"))).getAsJsonObject();
        assertThat(json.get("model_type").getAsString()).isEqualTo(config.family().modelType());
    }

    @Test
    void savedTensorsCarryTheHuggingFaceNamesOfEachFamily() throws Exception {
        assertThat(savedNames(TestModels.qwen2()))
                .contains("model.layers.0.self_attn.q_proj.bias", "model.layers.1.self_attn.v_proj.bias")
                .doesNotContain("model.layers.0.self_attn.o_proj.bias", "lm_head.weight");
        assertThat(savedNames(TestModels.qwen3(false)))
                .contains("model.layers.0.self_attn.q_norm.weight", "model.layers.1.self_attn.k_norm.weight",
                        "lm_head.weight")
                .noneMatch(name -> name.endsWith(".bias"));
        assertThat(savedNames(TestModels.mistral(4))).noneMatch(name -> name.contains("norm.weight")
                && name.contains("self_attn"));
    }

    @Test
    void qwen2CheckpointWithoutQueryKeyValueBiasesIsRefusedNamingThem() throws Exception {
        Path dir = save(TestModels.qwen3(false));
        Files.writeString(dir.resolve("config.json"), Files.readString(dir.resolve("config.json"))
                .replace("\"qwen3\"", "\"qwen2\"").replace("Qwen3ForCausalLM", "Qwen2ForCausalLM")
                .replace("\"attention_bias\": false,", ""));

        assertThatThrownBy(() -> ModelDirectory.load(dir, manager).close())
                .isInstanceOf(MalformedCheckpointException.class)
                .hasMessageContaining("missing tensor(s) required by config.json: "
                        + "model.layers.0.self_attn.k_proj.bias, model.layers.0.self_attn.q_proj.bias");
    }

    @Test
    void qwen3HeadNormsInALlamaCheckpointAreRefusedNamingModelType() throws Exception {
        Path dir = save(TestModels.qwen3(false));
        Files.writeString(dir.resolve("config.json"), Files.readString(dir.resolve("config.json"))
                .replace("\"qwen3\"", "\"llama\"").replace("Qwen3ForCausalLM", "LlamaForCausalLM"));

        assertThatThrownBy(() -> ModelDirectory.load(dir, manager).close())
                .isInstanceOf(MalformedCheckpointException.class)
                .hasMessageContaining("not explained by config.json (model_type, ")
                .hasMessageContaining("model.layers.0.self_attn.k_norm.weight");
    }

    @Test
    void unsupportedModelTypeIsRefusedNamingTheFileTheTypeAndTheSupportedOnes() throws Exception {
        Path dir = save(TestModels.qwen2());
        Files.writeString(dir.resolve("config.json"), Files.readString(dir.resolve("config.json"))
                .replace("\"qwen2\"", "\"phi3\"").replace("Qwen2ForCausalLM", "Phi3ForCausalLM"));

        assertThatThrownBy(() -> ModelDirectory.load(dir, manager).close())
                .isInstanceOf(InvalidModelConfigException.class)
                .hasMessage(dir.resolve("config.json") + ": model_type 'phi3' is not a LLaMA-family model this "
                        + "engine runs (supported: llama, mistral, qwen2, qwen3)");
    }

    private Policy policy(LlamaConfig config) {
        return new Policy(new Llama(config, manager, TestModels.noisy(21)), new CharTokenizer(HfLlamaFixture.ALPHABET));
    }

    private Path save(LlamaConfig config) throws Exception {
        Path dir = tmp.resolve(config.family().modelType());
        try (Policy policy = policy(config)) {
            ModelDirectory.save(policy, dir, Map.of());
        }
        return dir;
    }

    private List<String> savedNames(LlamaConfig config) throws Exception {
        try (SafeTensorsFile file = SafeTensorsFile.open(save(config).resolve(WeightFiles.SINGLE_FILE))) {
            return List.copyOf(file.names());
        }
    }
}
