package dev.sppo.preference.learned;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import dev.sppo.preference.PreferenceMatrix;
import dev.sppo.preference.PreferenceResult;

import java.util.List;

import org.junit.jupiter.api.Test;

class PairwiseRankerTest {

    private static final String PROMPT = "37+48=";
    private static final List<String> RESPONSES = List.of("85", "58", "86", "8", "885");

    @Test
    void preferenceMatrixHasHalfOnTheDiagonalAndComplementaryPairs() {
        try (NDManager manager = NDManager.newBaseManager(); PairwiseRanker ranker = TinyRankers.random(manager, 1)) {
            PreferenceMatrix p = ranker.compare(PROMPT, RESPONSES).matrix();
            for (int i = 0; i < RESPONSES.size(); i++) {
                assertThat(p.get(i, i)).isEqualTo(0.5);
                for (int j = 0; j < RESPONSES.size(); j++) {
                    assertThat(p.get(i, j) + p.get(j, i)).isCloseTo(1.0, within(1e-12));
                }
            }
            assertThat(p.get(0, 1)).as("random weights give a non-trivial preference").isNotCloseTo(0.5, within(1e-3));
        }
    }

    @Test
    void constantHeadBiasShiftsEveryLogitButCancelsInThePreferences() {
        try (NDManager manager = NDManager.newBaseManager(); PairwiseRanker ranker = TinyRankers.random(manager, 2)) {
            double[][] before = ranker.logitMatrix(PROMPT, RESPONSES);
            PreferenceResult unbiased = ranker.compare(PROMPT, RESPONSES);
            ranker.weights().head(RankerConfig.HEAD_BIAS).getArray().set(new NDIndex("..."), 25f);
            double[][] after = ranker.logitMatrix(PROMPT, RESPONSES);
            PreferenceResult biased = ranker.compare(PROMPT, RESPONSES);
            assertThat(after[0][1] - before[0][1]).isCloseTo(25.0, within(1e-4));
            for (int i = 0; i < RESPONSES.size(); i++) {
                assertThat(biased.scores()[i]).isCloseTo(unbiased.scores()[i], within(1e-5));
                for (int j = 0; j < RESPONSES.size(); j++) {
                    assertThat(biased.matrix().get(i, j)).isCloseTo(unbiased.matrix().get(i, j), within(1e-5));
                }
            }
        }
    }

    @Test
    void scoresFollowTheOfficialAggregationOfBothOrders() {
        try (NDManager manager = NDManager.newBaseManager(); PairwiseRanker ranker = TinyRankers.random(manager, 3)) {
            double[][] l = ranker.logitMatrix(PROMPT, RESPONSES);
            double[] s = ranker.compare(PROMPT, RESPONSES).scores();
            int k = RESPONSES.size();
            for (int i = 0; i < k; i++) {
                double sum = 0;
                for (int j = 0; j < k; j++) {
                    sum += i == j ? 0 : l[i][j] - l[j][i];
                }
                assertThat(s[i]).isCloseTo(sum / k, within(1e-6));
            }
        }
    }

    @Test
    void batchedPaddedLogitsEqualEachMatchupScoredAlone() {
        try (NDManager manager = NDManager.newBaseManager(); PairwiseRanker ranker = TinyRankers.random(manager, 4)) {
            double[][] batched = ranker.logitMatrix(PROMPT, RESPONSES);
            for (int i = 0; i < RESPONSES.size(); i++) {
                for (int j = 0; j < RESPONSES.size(); j++) {
                    if (i != j) {
                        float alone = ranker.logits(manager,
                                List.of(new Matchup(PROMPT, RESPONSES.get(i), RESPONSES.get(j)))).getFloat(0);
                        assertThat(batched[i][j]).as("L[%d][%d]", i, j).isCloseTo(alone, within(1e-4));
                    }
                }
            }
        }
    }

    @Test
    void readsTheCandidatesInOrder() {
        try (NDManager manager = NDManager.newBaseManager(); PairwiseRanker ranker = TinyRankers.random(manager, 5)) {
            Matchup m = new Matchup(PROMPT, "85", "58");
            float[] logits = ranker.logits(manager, List.of(m, m.swapped())).toFloatArray();
            assertThat(logits[0]).isNotCloseTo(logits[1], within(1e-3f));
        }
    }
}
