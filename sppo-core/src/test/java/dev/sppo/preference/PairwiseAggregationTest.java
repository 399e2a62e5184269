package dev.sppo.preference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class PairwiseAggregationTest {

    /** L[i][j] = logit that y_i beats y_j; the 9s on the diagonal must be ignored. */
    private static final double[][] LOGITS = {
        {9, 2, 1},
        {0, 9, 3},
        {1, 0, 9},
    };

    @Test
    void scoresAreTheMeanOverAllKColumnsOfTheLogitDifferences() {
        // s_0 = ((L01 - L10) + (L02 - L20)) / 3 = ((2 - 0) + (1 - 1)) / 3 =  2/3
        // s_1 = ((L10 - L01) + (L12 - L21)) / 3 = ((0 - 2) + (3 - 0)) / 3 =  1/3
        // s_2 = ((L20 - L02) + (L21 - L12)) / 3 = ((1 - 1) + (0 - 3)) / 3 = -1
        assertThat(PairwiseAggregation.scores(LOGITS))
                .containsExactly(new double[] {2.0 / 3, 1.0 / 3, -1}, within(1e-12));
    }

    @Test
    void matrixIsTheSigmoidOfScoreDifferencesAndGivesHandComputedWinRates() {
        // P01 = sigmoid(2/3 - 1/3) = 1 / (1 + e^{-1/3}) = 1 / (1 + 0.716531) = 0.582570
        // P02 = sigmoid(2/3 + 1)   = 1 / (1 + e^{-5/3}) = 1 / (1 + 0.188876) = 0.841131
        // P12 = sigmoid(1/3 + 1)   = 1 / (1 + e^{-4/3}) = 1 / (1 + 0.263597) = 0.791391
        PreferenceMatrix p = PairwiseAggregation.fromLogits(LOGITS);
        assertThat(p.get(0, 1)).isCloseTo(0.582570, within(1e-6));
        assertThat(p.get(0, 2)).isCloseTo(0.841131, within(1e-6));
        assertThat(p.get(1, 2)).isCloseTo(0.791391, within(1e-6));
        assertThat(p.get(1, 0)).isCloseTo(1 - 0.582570, within(1e-6));
        // Phat_0 = (0.5      + 0.582570 + 0.841131) / 3 = 0.641234
        // Phat_1 = (0.417430 + 0.5      + 0.791391) / 3 = 0.569607
        // Phat_2 = (0.158869 + 0.208609 + 0.5     ) / 3 = 0.289159
        assertThat(p.winRates()).containsExactly(new double[] {0.641234, 0.569607, 0.289159}, within(1e-6));
    }

    @Test
    void diagonalLogitsDoNotChangeTheScores() {
        double[][] zeroDiagonal = {
            {0, 2, 1},
            {0, -5, 3},
            {1, 0, 1e300},
        };
        assertThat(PairwiseAggregation.scores(zeroDiagonal)).containsExactly(PairwiseAggregation.scores(LOGITS));
    }

    @Test
    void randomLogitsGiveAntisymmetricMatricesWithZeroSumScores() {
        Random rng = new Random(42);
        for (int trial = 0; trial < 200; trial++) {
            int k = 2 + rng.nextInt(7);
            double[][] logits = new double[k][k];
            for (double[] row : logits) {
                for (int j = 0; j < k; j++) {
                    row[j] = 20 * rng.nextGaussian();
                }
            }
            double[] s = PairwiseAggregation.scores(logits);
            PreferenceMatrix p = PairwiseAggregation.fromLogits(logits);
            assertThat(sum(s)).isCloseTo(0, within(1e-9));
            assertThat(sum(p.winRates())).isCloseTo(k / 2.0, within(1e-9));
            for (int i = 0; i < k; i++) {
                assertThat(p.get(i, i)).isEqualTo(0.5);
                for (int j = 0; j < k; j++) {
                    assertThat(p.get(i, j) + p.get(j, i)).isCloseTo(1, within(1e-12));
                    assertThat(p.get(i, j) > 0.5).isEqualTo(s[i] > s[j]);
                }
            }
        }
    }

    @Test
    void rejectsMalformedLogitsNamingTheEntry() {
        assertThatThrownBy(() -> PairwiseAggregation.scores(new double[][] {{0}}))
                .hasMessageContaining("logits needs K >= 2 responses, got K = 1");
        assertThatThrownBy(() -> PairwiseAggregation.scores(new double[][] {{0, 1}, {0}}))
                .hasMessageContaining("logits must be square 2 x 2: row 1 has 1 entries");
        assertThatThrownBy(() -> PairwiseAggregation.scores(new double[][] {{0, Double.NaN}, {0, 0}}))
                .hasMessageContaining("logits[0][1] = NaN is not finite");
    }

    private static double sum(double[] values) {
        double total = 0;
        for (double v : values) {
            total += v;
        }
        return total;
    }

    @Test
    void offDiagonalFillsTheOrderedPairsRowByRowAndRefusesAnotherCount() {
        assertThat(PairwiseAggregation.offDiagonal(new double[] {1, 2, 3, 4, 5, 6}, 3))
                .isDeepEqualTo(new double[][] {{0, 1, 2}, {3, 0, 4}, {5, 6, 0}});
        assertThatThrownBy(() -> PairwiseAggregation.offDiagonal(new double[5], 3))
                .hasMessage("5 logits for K = 3, expected K(K-1) = 6");
    }
}
