package dev.sppo.preference.learned;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDManager;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.sppo.checkpoint.MalformedCheckpointException;
import dev.sppo.checkpoint.Tensor;
import dev.sppo.model.InvalidModelConfigException;
import dev.sppo.model.LlamaConfig;
import dev.sppo.model.ReferenceLlama;
import dev.sppo.tokenizer.CharTokenizer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RewardModelDirectoryTest {

    @TempDir
    Path tmp;

    @Test
    void importedHuggingFaceRewardEqualsNaiveScoreOfTheLastHiddenState() throws IOException {
        List<Tensor> tensors = HfRewardFixture.tensors(11, 1, HfRewardFixture.HIDDEN);
        HfRewardFixture.write(tmp, HfRewardFixture.CONFIG_JSON, tensors);
        Map<String, float[]> byName = tensors.stream().collect(Collectors.toMap(Tensor::name, Tensor::values));
        LlamaConfig config = LlamaConfig.read(tmp);
        ReferenceLlama reference = new ReferenceLlama(config, byName::get);
        CharTokenizer tokenizer = new CharTokenizer(HfRewardFixture.ALPHABET);
        List<String> responses = List.of("b5", "hello42", "x");
        try (NDManager manager = NDManager.newBaseManager();
                RewardModel model = RewardModelDirectory.load(tmp, manager, 1.0)) {
            double[] rewards = model.rewards("abc", responses);
            for (int n = 0; n < responses.size(); n++) {
                int[] prompt = tokenizer.encodePrompt("abc");
                int[] response = tokenizer.encode(responses.get(n));
                int[] ids = java.util.stream.IntStream.concat(java.util.Arrays.stream(prompt),
                        java.util.Arrays.stream(response)).toArray();
                double[] last = reference.hiddenStates(ids)[ids.length - 1];
                double expected = 0;
                for (int d = 0; d < last.length; d++) {
                    expected += last[d] * byName.get("score.weight")[d];
                }
                assertThat(rewards[n]).as("reward of response %d", n).isCloseTo(expected, within(1e-4));
            }
        }
    }

    @Test
    void scoreWeightOfTheWrongShapeIsRefusedNamingTheTensor() throws IOException {
        HfRewardFixture.write(tmp, HfRewardFixture.CONFIG_JSON, HfRewardFixture.tensors(1, 2, HfRewardFixture.HIDDEN));
        try (NDManager manager = NDManager.newBaseManager()) {
            assertThatThrownBy(() -> RewardModelDirectory.load(tmp, manager, 1.0))
                    .isInstanceOf(MalformedCheckpointException.class)
                    .hasMessageContaining("score.weight").hasMessageContaining("[2, 32]")
                    .hasMessageContaining("[1, 32]");
        }
    }

    @Test
    void missingScoreWeightIsRefusedNamingTheTensor() throws IOException {
        List<Tensor> backboneOnly = HfRewardFixture.tensors(1, 1, HfRewardFixture.HIDDEN).stream()
                .filter(t -> !t.name().equals("score.weight")).toList();
        HfRewardFixture.write(tmp, HfRewardFixture.CONFIG_JSON, backboneOnly);
        try (NDManager manager = NDManager.newBaseManager()) {
            assertThatThrownBy(() -> RewardModelDirectory.load(tmp, manager, 1.0))
                    .isInstanceOf(MalformedCheckpointException.class)
                    .hasMessageContaining("missing tensor").hasMessageContaining("score.weight");
        }
    }

    @Test
    void causalLanguageModelDirectoryAndSeveralLabelsAreRefused() throws IOException {
        List<Tensor> tensors = HfRewardFixture.tensors(1, 1, HfRewardFixture.HIDDEN);
        HfRewardFixture.write(tmp.resolve("lm"), HfRewardFixture.CONFIG_JSON.replace(
                "LlamaForSequenceClassification", "LlamaForCausalLM"), tensors);
        HfRewardFixture.write(tmp.resolve("two"), HfRewardFixture.CONFIG_JSON.replace(
                "\"id2label\": {\"0\": \"LABEL_0\"}", "\"num_labels\": 2"), tensors);
        try (NDManager manager = NDManager.newBaseManager()) {
            assertThatThrownBy(() -> RewardModelDirectory.load(tmp.resolve("lm"), manager, 1.0))
                    .isInstanceOf(InvalidModelConfigException.class)
                    .hasMessageContaining("config.json").hasMessageContaining("LlamaForSequenceClassification");
            assertThatThrownBy(() -> RewardModelDirectory.load(tmp.resolve("two"), manager, 1.0))
                    .isInstanceOf(InvalidModelConfigException.class).hasMessageContaining("num_labels is 2");
        }
    }

    @Test
    void saveThenLoadIsBitIdenticalInTheHuggingFaceLayout() throws IOException {
        HfRewardFixture.write(tmp.resolve("hf"), HfRewardFixture.CONFIG_JSON,
                HfRewardFixture.tensors(5, 1, HfRewardFixture.HIDDEN));
        try (NDManager manager = NDManager.newBaseManager();
                RewardModel original = RewardModelDirectory.load(tmp.resolve("hf"), manager, 0.5)) {
            RewardModelDirectory.save(original, tmp.resolve("copy"));
            try (RewardModel copy = RewardModelDirectory.load(tmp.resolve("copy"), manager, 0.5)) {
                Function<RewardModel, List<float[]>> weights = m -> m.parameters().stream()
                        .map(p -> p.getArray().toFloatArray()).toList();
                List<float[]> a = weights.apply(original);
                List<float[]> b = weights.apply(copy);
                assertThat(b).hasSameSizeAs(a);
                for (int i = 0; i < a.size(); i++) {
                    assertThat(b.get(i)).containsExactly(a.get(i));
                }
                assertThat(copy.rewards("abc", List.of("1", "22"))).containsExactly(
                        original.rewards("abc", List.of("1", "22")));
                assertThat(copy.config()).isEqualTo(original.config());
            }
            JsonObject json = JsonParser.parseString(Files.readString(tmp.resolve("copy/config.json")))
                    .getAsJsonObject();
            assertThat(json.get("architectures").getAsJsonArray().get(0).getAsString())
                    .isEqualTo("LlamaForSequenceClassification");
            assertThat(json.get("num_labels").getAsInt()).isEqualTo(1);
            assertThat(json.get("pad_token_id").getAsInt()).isZero();
            assertThat(json.get("tie_word_embeddings").getAsBoolean()).isFalse();
        }
    }
}
