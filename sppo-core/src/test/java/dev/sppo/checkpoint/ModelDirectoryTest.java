package dev.sppo.checkpoint;

import static dev.sppo.checkpoint.HfLlamaFixture.CONFIG_JSON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.sppo.model.InvalidModelConfigException;
import dev.sppo.model.Llama;
import dev.sppo.model.LlamaLayout;
import dev.sppo.model.Policy;
import dev.sppo.sampling.Sample;
import dev.sppo.sampling.Sampler;
import dev.sppo.sampling.SamplingParams;
import dev.sppo.tokenizer.CharTokenizer;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ModelDirectoryTest {

    private static final long SEED = 17;
    private static final String SHARD_1 = "model-00001-of-00002.safetensors";
    private static final String SHARD_2 = "model-00002-of-00002.safetensors";

    @TempDir
    Path tmp;

    private NDManager manager;
    private List<Tensor> tensors;
    private Path hfDir;

    @BeforeEach
    void setUp() {
        manager = NDManager.newBaseManager();
        tensors = HfLlamaFixture.tensors(SEED);
        hfDir = tmp.resolve("hf");
    }

    @AfterEach
    void tearDown() {
        manager.close();
    }

    @Test
    void loadsHandWrittenHuggingFaceCheckpointWithGqaAndUntiedHead() throws Exception {
        HfLlamaFixture.write(hfDir, tensors, DType.BF16);

        try (Policy policy = ModelDirectory.load(hfDir, manager)) {
            assertThat(policy.config().numKeyValueHeads()).isEqualTo(2);
            assertThat(policy.config().headDim()).isEqualTo(8);
            assertThat(policy.config().tieWordEmbeddings()).isFalse();
            assertThat(policy.tokenizer()).isEqualTo(new CharTokenizer(HfLlamaFixture.ALPHABET));
            assertHoldsStoredValues(policy.model(), tensors, DType.BF16);
        }
    }

    @Test
    void greedyTokensAreReproducibleAcrossLoadsAndTheSamplerRuns() throws Exception {
        HfLlamaFixture.write(hfDir, tensors, DType.BF16);

        try (Policy first = ModelDirectory.load(hfDir, manager);
                Policy second = ModelDirectory.load(hfDir, manager)) {
            List<int[]> prompt = List.<int[]>of(first.tokenizer().encodePrompt("abc12"));
            Sample a = sampler(first).sample(prompt, SamplingParams.greedy(12)).get(0);
            Sample b = sampler(second).sample(prompt, SamplingParams.greedy(12)).get(0);
            assertThat(a.tokenIds()).isNotEmpty().containsExactly(b.tokenIds());
            assertThat(a.logprob()).isEqualTo(b.logprob());

            List<Sample> drawn = sampler(first).sample(prompt, new SamplingParams(8, 1.0, 0, 1.0, 3, 5));
            assertThat(drawn).hasSize(3).allSatisfy(s -> {
                assertThat(IntStream.of(s.tokenIds())).isNotEmpty().allMatch(id -> id >= 0 && id < HfLlamaFixture.VOCAB);
                assertThat(s.logprob()).isFinite().isLessThanOrEqualTo(0.0);
            });
        }
    }

    @Test
    void saveThenLoadIsBitIdenticalInEveryWeightAndInTheLogits() throws Exception {
        HfLlamaFixture.write(hfDir, tensors, DType.F16);
        Path saved = tmp.resolve("saved");

        try (Policy original = ModelDirectory.load(hfDir, manager)) {
            ModelDirectory.save(original, saved, Map.of("iteration", "1"));
            try (Policy reloaded = ModelDirectory.load(saved, manager)) {
                assertThat(reloaded.config()).isEqualTo(original.config());
                assertThat(reloaded.tokenizer()).isEqualTo(original.tokenizer());
                for (LlamaLayout.TensorSpec spec : LlamaLayout.tensors(original.config())) {
                    assertThat(reloaded.model().weight(spec.name()).toFloatArray()).as(spec.name())
                            .containsExactly(original.model().weight(spec.name()).toFloatArray());
                }
                NDArray ids = manager.create(new long[] {1, 5, 9, 4, 1, 7, 7, 30}, new Shape(2, 4));
                assertThat(reloaded.model().forward(ids).toFloatArray())
                        .containsExactly(original.model().forward(ids).toFloatArray());
            }
        }
        try (SafeTensorsFile file = SafeTensorsFile.open(saved.resolve(WeightFiles.SINGLE_FILE))) {
            assertThat(file.metadata()).containsEntry("format", "pt").containsEntry("iteration", "1");
        }
    }

    @Test
    void loadsTwoShardsListedByTheIndex() throws Exception {
        HfLlamaFixture.writeConfigAndTokenizer(hfDir, CONFIG_JSON);
        int half = tensors.size() / 2;
        SafeTensorsWriter.write(hfDir.resolve(SHARD_1), tensors.subList(0, half), Map.of(), DType.BF16);
        SafeTensorsWriter.write(hfDir.resolve(SHARD_2), tensors.subList(half, tensors.size()), Map.of(), DType.BF16);
        StringBuilder weightMap = new StringBuilder();
        for (int i = 0; i < tensors.size(); i++) {
            weightMap.append(i == 0 ? "" : ",").append('"').append(tensors.get(i).name()).append("\":\"")
                    .append(i < half ? SHARD_1 : SHARD_2).append('"');
        }
        Files.writeString(hfDir.resolve(WeightFiles.INDEX_FILE),
                "{\"metadata\":{\"total_size\":0},\"weight_map\":{" + weightMap + "}}");

        try (Policy policy = ModelDirectory.load(hfDir, manager)) {
            assertHoldsStoredValues(policy.model(), tensors, DType.BF16);
        }
    }

    @Test
    void missingTensorIsNamedWithTheWeightsFile() throws IOException {
        String dropped = "model.layers.1.mlp.up_proj.weight";
        HfLlamaFixture.write(hfDir, tensors.stream().filter(t -> !t.name().equals(dropped)).toList(), DType.BF16);

        assertLoadFails().isInstanceOf(MalformedCheckpointException.class)
                .hasMessageContaining(hfDir.resolve(WeightFiles.SINGLE_FILE).toString())
                .hasMessageContaining("missing tensor(s) required by config.json: " + dropped);
    }

    @Test
    void wrongShapeIsNamedWithFileTensorAndBothShapes() throws IOException {
        String kProj = "model.layers.0.self_attn.k_proj.weight";
        List<Tensor> withoutGqa = new ArrayList<>(tensors);
        withoutGqa.replaceAll(t -> t.name().equals(kProj)
                ? HfLlamaFixture.random(new SplittableRandom(1), kProj, 32, 32) : t);
        HfLlamaFixture.write(hfDir, withoutGqa, DType.BF16);

        assertLoadFails().isInstanceOf(MalformedCheckpointException.class)
                .hasMessage(hfDir.resolve(WeightFiles.SINGLE_FILE) + ": tensor '" + kProj
                        + "': has shape [32, 32] but config.json implies [16, 32]");
    }

    @Test
    void tensorOfALayerBeyondNumHiddenLayersIsRefused() throws IOException {
        String extra = "model.layers.2.input_layernorm.weight";
        List<Tensor> withExtraLayer = new ArrayList<>(tensors);
        withExtraLayer.add(new Tensor(extra, new long[] {HfLlamaFixture.HIDDEN}, new float[HfLlamaFixture.HIDDEN]));
        HfLlamaFixture.write(hfDir, withExtraLayer, DType.BF16);

        assertLoadFails().isInstanceOf(MalformedCheckpointException.class)
                .hasMessageContaining(hfDir.resolve(WeightFiles.SINGLE_FILE).toString())
                .hasMessageContaining("not explained by config.json")
                .hasMessageEndingWith(": " + extra);
    }

    @Test
    void truncatedWeightsFileNamesTheFirstTensorCutShort() throws IOException {
        HfLlamaFixture.write(hfDir, tensors, DType.BF16);
        Path file = hfDir.resolve(WeightFiles.SINGLE_FILE);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            // the last tensor, model.norm.weight, holds 32 x 2 bytes: cutting 100 bytes reaches into v_proj
            channel.truncate(channel.size() - 100);
        }

        assertLoadFails().isInstanceOf(MalformedCheckpointException.class)
                .hasMessageStartingWith(file + ": tensor 'model.layers.1.self_attn.v_proj.weight'")
                .hasMessageContaining("the file is truncated");
    }

    @ParameterizedTest
    @MethodSource("brokenConfigs")
    void malformedConfigIsRefusedNamingTheFileAndTheProblem(String config, String problem) throws IOException {
        HfLlamaFixture.write(hfDir, tensors, DType.BF16);
        Files.writeString(hfDir.resolve("config.json"), config);

        assertLoadFails().isInstanceOf(InvalidModelConfigException.class)
                .hasMessageStartingWith(hfDir.resolve("config.json") + ": ")
                .hasMessageContaining(problem);
    }

    static Stream<Arguments> brokenConfigs() {
        return Stream.of(
                Arguments.of(CONFIG_JSON.substring(0, 120), "malformed JSON"),
                Arguments.of("[1, 2]", "expected a JSON object"),
                Arguments.of(CONFIG_JSON.replace("\"hidden_size\": 32,", ""), "missing required field 'hidden_size'"),
                Arguments.of(CONFIG_JSON.replace("\"llama\"", "\"gpt2\""), "model_type 'gpt2' is not a LLaMA"),
                Arguments.of(CONFIG_JSON.replace("\"num_attention_heads\": 4", "\"num_attention_heads\": 0"),
                        "num_attention_heads must be > 0, got 0"));
    }

    @Test
    void tokenizerLargerThanVocabSizeIsRefused() throws IOException {
        HfLlamaFixture.write(hfDir, tensors, DType.BF16);
        new CharTokenizer(HfLlamaFixture.ALPHABET + "!").save(hfDir);

        assertLoadFails().isInstanceOf(MalformedCheckpointException.class)
                .hasMessage(hfDir + ": tokenizer has 41 tokens but config.json vocab_size is 40");
    }

    @Test
    void missingDirectoryIsRefused() {
        assertLoadFails().isInstanceOf(MalformedCheckpointException.class).hasMessage(hfDir + ": not a directory");
    }

    private AbstractThrowableAssert<?, ? extends Throwable> assertLoadFails() {
        return assertThatThrownBy(() -> ModelDirectory.load(hfDir, manager).close());
    }

    private static Sampler sampler(Policy policy) {
        return new Sampler(policy.model(), policy.stopIds(), policy.padId());
    }

    private static void assertHoldsStoredValues(Llama model, List<Tensor> written, DType dtype) {
        for (Tensor tensor : written) {
            float[] expected = tensor.values().clone();
            for (int i = 0; i < expected.length; i++) {
                expected[i] = HfLlamaFixture.stored(expected[i], dtype);
            }
            NDArray weight = model.weight(tensor.name());
            assertThat(weight.getShape().getShape()).as(tensor.name()).containsExactly(tensor.shape());
            assertThat(weight.toFloatArray()).as(tensor.name()).containsExactly(expected);
        }
    }
}
