package dev.sppo.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.sppo.checkpoint.Qwen25Fixture;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

class ModelFamilyConfigTest {

    private static final String MISTRAL_7B = """
            {
              "architectures": ["MistralForCausalLM"],
              "bos_token_id": 1,
              "eos_token_id": 2,
              "hidden_act": "silu",
              "hidden_size": 4096,
              "initializer_range": 0.02,
              "intermediate_size": 14336,
              "max_position_embeddings": 32768,
              "model_type": "mistral",
              "num_attention_heads": 32,
              "num_hidden_layers": 32,
              "num_key_value_heads": 8,
              "rms_norm_eps": 1e-05,
              "rope_theta": 10000.0,
              "sliding_window": 4096,
              "tie_word_embeddings": false,
              "torch_dtype": "bfloat16",
              "vocab_size": 32000
            }
            """;

    private static final String QWEN3_SMALL = """
            {
              "architectures": ["Qwen3ForCausalLM"],
              "attention_bias": false,
              "bos_token_id": 151643,
              "eos_token_id": 151645,
              "head_dim": 128,
              "hidden_act": "silu",
              "hidden_size": 1024,
              "intermediate_size": 3072,
              "max_position_embeddings": 40960,
              "max_window_layers": 28,
              "model_type": "qwen3",
              "num_attention_heads": 16,
              "num_hidden_layers": 28,
              "num_key_value_heads": 8,
              "rms_norm_eps": 1e-06,
              "rope_scaling": null,
              "rope_theta": 1000000,
              "sliding_window": null,
              "tie_word_embeddings": true,
              "use_sliding_window": false,
              "vocab_size": 151936
            }
            """;

    @TempDir
    Path tmp;

    @Test
    void qwen25ConfigReadsAsQwen2WithBiasedQueryKeyValueAndTiedEmbeddings() {
        LlamaConfig c = read(Qwen25Fixture.CONFIG_JSON);
        assertThat(c.family()).isEqualTo(ModelFamily.QWEN2);
        assertThat(List.of(c.numHiddenLayers(), c.hiddenSize(), c.numAttentionHeads(), c.numKeyValueHeads(),
                c.headDim(), c.intermediateSize(), c.vocabSize())).containsExactly(24, 896, 14, 2, 64, 4864, 151936);
        assertThat(c.qkvBias()).isTrue();
        assertThat(c.outputBias()).isFalse();
        assertThat(c.tieWordEmbeddings()).isTrue();
        assertThat(c.slidingWindow()).isNull();
        assertThat(c.ropeTheta()).isEqualTo(1e6);
        assertThat(c.eosTokenIds()).containsExactly(151643);
    }

    @Test
    void mistralConfigKeepsItsSlidingWindowAndTheDefaultIsTheConfigClasses() {
        assertThat(read(MISTRAL_7B).slidingWindow()).isEqualTo(4096);
        assertThat(read(MISTRAL_7B.replace("\"sliding_window\": 4096,", "\"sliding_window\": null,")).slidingWindow())
                .isNull();
        assertThat(read(MISTRAL_7B.replace("\"sliding_window\": 4096,", "")).slidingWindow()).isEqualTo(4096);
        assertThat(read(MISTRAL_7B).qkvBias()).isFalse();
    }

    @Test
    void qwen3ConfigHasHeadNormsAndAHeadDimThatDefaultsTo128() {
        LlamaConfig c = read(QWEN3_SMALL);
        assertThat(c.family()).isEqualTo(ModelFamily.QWEN3);
        assertThat(c.queryKeyNorm()).isTrue();
        assertThat(c.qkvBias()).isFalse();
        assertThat(c.headDim()).isEqualTo(128);
        String withoutHeadDim = QWEN3_SMALL.replace("\"head_dim\": 128,", "").replace("\"hidden_size\": 1024",
                "\"hidden_size\": 512");
        assertThat(read(withoutHeadDim).headDim()).isEqualTo(128);
        assertThat(read(QWEN3_SMALL.replace("\"attention_bias\": false", "\"attention_bias\": true")).outputBias())
                .isTrue();
    }

    @Test
    void transformers5RopeParametersGiveTheThetaAndTheScaling() {
        String v5 = Qwen25Fixture.CONFIG_JSON.replace("\"rope_theta\": 1000000.0,",
                "\"rope_parameters\": {\"rope_theta\": 500000.0, \"rope_type\": \"linear\", \"factor\": 4.0},");
        LlamaConfig c = read(v5);
        assertThat(c.ropeTheta()).isEqualTo(500000.0);
        assertThat(c.ropeScaling()).isEqualTo(new RopeScaling("linear", 4.0, 1.0, 4.0, 0));
    }

    @Test
    void withoutModelTypeTheArchitectureChoosesTheFamily() {
        assertThat(read(Qwen25Fixture.CONFIG_JSON.replace("\"model_type\": \"qwen2\",", "")).family())
                .isEqualTo(ModelFamily.QWEN2);
    }

    @ParameterizedTest
    @MethodSource("families")
    void everyFamilyWritesItsTypeAndClassAndReadsBackEqual(LlamaConfig config) throws Exception {
        config.write(tmp);
        JsonObject json = JsonParser.parseString(Files.readString(tmp.resolve(LlamaConfig.FILE_NAME)))
                .getAsJsonObject();
        assertThat(json.get("model_type").getAsString()).isEqualTo(config.family().modelType());
        assertThat(json.getAsJsonArray("architectures").get(0).getAsString())
                .isEqualTo(config.family().architecture());
        assertThat(LlamaConfig.read(tmp)).isEqualTo(config);
    }

    static Stream<LlamaConfig> families() {
        return Stream.concat(Stream.of(TestModels.everyFeature()), TestModels.families().stream());
    }

    @Test
    void writtenFieldsAreThoseOfEachFamilysConfigClass() {
        JsonObject mistral = TestModels.mistral(null).toJson();
        assertThat(mistral.get("sliding_window").isJsonNull()).isTrue();
        assertThat(mistral.has("attention_bias")).isFalse();
        JsonObject qwen2 = TestModels.qwen2().toJson();
        assertThat(qwen2.get("use_sliding_window").getAsBoolean()).isFalse();
        assertThat(qwen2.has("attention_bias") || qwen2.has("mlp_bias") || qwen2.has("sliding_window")).isFalse();
        JsonObject qwen3 = TestModels.qwen3(true).toJson();
        assertThat(qwen3.get("attention_bias").getAsBoolean()).isTrue();
        assertThat(qwen3.get("head_dim").getAsInt()).isEqualTo(16);
        assertThat(qwen3.has("mlp_bias")).isFalse();
    }

    @Test
    void unknownModelTypeIsRefusedNamingItAndTheSupportedOnes() {
        assertThatThrownBy(() -> read(MISTRAL_7B.replace("\"mistral\"", "\"gemma2\"")))
                .isInstanceOf(InvalidModelConfigException.class)
                .hasMessageContaining("model_type 'gemma2'")
                .hasMessageContaining("supported: llama, mistral, qwen2, qwen3");
    }

    @Test
    void qwenSlidingWindowLayersAreRefused() {
        assertThatThrownBy(() -> read(Qwen25Fixture.CONFIG_JSON.replace("\"use_sliding_window\": false",
                "\"use_sliding_window\": true")))
                .isInstanceOf(InvalidModelConfigException.class)
                .hasMessageContaining("use_sliding_window: true is not supported for model_type 'qwen2'");
    }

    @Test
    void modelTypeContradictingTheArchitectureIsRefused() {
        assertThatThrownBy(() -> read(MISTRAL_7B.replace("\"mistral\"", "\"qwen2\"")))
                .isInstanceOf(InvalidModelConfigException.class)
                .hasMessageContaining("model_type 'qwen2' contradicts architectures [\"MistralForCausalLM\"]");
    }

    @Test
    void optionsAFamilyDoesNotHaveAreRefused() {
        LlamaConfig qwen2 = TestModels.qwen2();
        assertThatThrownBy(() -> qwen2.toBuilder().attentionBias(true).build())
                .hasMessage("model_type 'qwen2' has no attention_bias");
        assertThatThrownBy(() -> qwen2.toBuilder().family(ModelFamily.QWEN3).mlpBias(true).build())
                .hasMessage("model_type 'qwen3' has no mlp_bias");
        assertThatThrownBy(() -> qwen2.toBuilder().slidingWindow(64).build())
                .hasMessageContaining("sliding_window is only supported for model_type 'mistral'");
        assertThatThrownBy(() -> TestModels.mistral(0)).hasMessageContaining("sliding_window must be > 0");
        assertThat(qwen2.withTiedEmbeddings(false).family()).isEqualTo(ModelFamily.QWEN2);
        assertThat(TestModels.mistral(7).withVocabSize(50).slidingWindow()).isEqualTo(7);
    }

    private static LlamaConfig read(String json) {
        return ConfigJson.fromJson(JsonParser.parseString(json).getAsJsonObject());
    }
}
