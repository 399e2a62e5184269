package dev.sppo.preference.learned;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDManager;
import dev.sppo.model.LlamaConfig;
import dev.sppo.preference.PreferenceResult;
import dev.sppo.tokenizer.CharTokenizer;

import java.util.List;

import org.junit.jupiter.api.Test;

class RewardModelTest {

    private static final List<String> RESPONSES = List.of("85", "58", "86", "8", "885");

    private static RewardModel random(NDManager manager, double tau) {
        CharTokenizer tokenizer = new CharTokenizer("+0123456789=");
        LlamaConfig llama = LlamaConfig.builder().vocabularyOf(tokenizer).hiddenSize(32).intermediateSize(64)
                .numHiddenLayers(2).numAttentionHeads(4).maxPositionEmbeddings(64).initializerRange(0.5).build();
        return RewardModel.random(new RewardModelConfig(llama, tokenizer.padId()), tokenizer, manager, 3, tau);
    }

    @Test
    void preferencesAreTheBradleyTerryMatrixOfTheRewardsAtTemperatureTau() {
        try (NDManager manager = NDManager.newBaseManager(); RewardModel model = random(manager, 0.5)) {
            double[] r = model.rewards("37+48=", RESPONSES);
            PreferenceResult result = model.compare("37+48=", RESPONSES);
            assertThat(result.scores()).containsExactly(r);
            for (int i = 0; i < r.length; i++) {
                assertThat(result.matrix().get(i, i)).isEqualTo(0.5);
                for (int j = 0; j < r.length; j++) {
                    double expected = 1 / (1 + Math.exp(-(r[i] - r[j]) / 0.5));
                    assertThat(result.matrix().get(i, j)).isCloseTo(expected, within(1e-12));
                    assertThat(result.matrix().get(i, j) + result.matrix().get(j, i)).isCloseTo(1.0, within(1e-12));
                }
            }
            assertThat(r[0]).as("random weights give distinct rewards").isNotCloseTo(r[1], within(1e-3));
        }
    }

    @Test
    void batchedPaddedRewardsEqualEachResponseScoredAlone() {
        try (NDManager manager = NDManager.newBaseManager(); RewardModel model = random(manager, 1)) {
            double[] batched = model.rewards("37+48=", RESPONSES);
            for (int i = 0; i < RESPONSES.size(); i++) {
                double alone = model.rewards(manager, List.of("37+48="), List.of(RESPONSES.get(i))).getFloat(0);
                assertThat(batched[i]).as("r[%d]", i).isCloseTo(alone, within(1e-4));
            }
        }
    }
}
