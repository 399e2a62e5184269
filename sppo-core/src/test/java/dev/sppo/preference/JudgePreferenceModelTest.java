package dev.sppo.preference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class JudgePreferenceModelTest {

    /** Scores a response by its length out of 4: "a" = 0.25, "abcd" = 1. */
    private static final Judge LENGTH_JUDGE = (prompt, response) -> Math.min(response.length(), 4) / 4.0;

    @Test
    void judgeScoresOverTauBecomeScoresAndBradleyTerryProbabilities() {
        PreferenceResult result = new JudgePreferenceModel(LENGTH_JUDGE, 0.5)
                .compare("x", List.of("ab", "abcd", "a"));
        // r = (0.5, 1, 0.25), s = r / 0.5 = (1, 2, 0.5)
        assertThat(result.scores()).containsExactly(1, 2, 0.5);
        // P10 = sigmoid(2 - 1) = 1 / (1 + e^{-1}) = 1 / 1.367879 = 0.731059
        // P12 = sigmoid(2 - 0.5) = 1 / (1 + e^{-1.5}) = 1 / 1.223130 = 0.817574
        assertThat(result.matrix().get(1, 0)).isCloseTo(0.731059, within(1e-6));
        assertThat(result.matrix().get(1, 2)).isCloseTo(0.817574, within(1e-6));
        assertThat(result.winner()).isEqualTo(1);
        assertThat(result.loser()).isEqualTo(2);
        assertThat(result.winRates()).containsExactly(result.matrix().winRates());
    }

    @Test
    void equallyGradedResponsesAreNotInformative() {
        PreferenceResult result = new JudgePreferenceModel(LENGTH_JUDGE, 0.1)
                .compare("x", List.of("abcd", "abcde", "abcdef"));
        assertThat(result.selected().isInformative()).isFalse();
        assertThat(result.winRates()).containsExactly(0.5, 0.5, 0.5);
    }

    @Test
    void rejectsJudgeScoresOutsideTheUnitInterval() {
        JudgePreferenceModel model = new JudgePreferenceModel((prompt, response) -> response.isEmpty() ? 1.5 : 0, 1);
        assertThatThrownBy(() -> model.compare("x", List.of("a", "")))
                .hasMessage("judge scored response 1 with 1.5, outside [0, 1]");
    }

    @Test
    void rejectsFewerThanTwoResponsesAndBadTemperatures() {
        assertThatThrownBy(() -> new JudgePreferenceModel(LENGTH_JUDGE, 1).compare("x", List.of("a")))
                .hasMessage("responses must hold K >= 2 responses to compare, got 1");
        assertThatThrownBy(() -> new JudgePreferenceModel(LENGTH_JUDGE, 0))
                .hasMessage("temperature tau must be positive and finite, got 0.0");
    }

    @Test
    void resultRejectsScoresThatDoNotMatchTheMatrixAndCopiesThem() {
        PreferenceMatrix p = BradleyTerry.fromStrengths(new double[] {1, 0});
        assertThatThrownBy(() -> new PreferenceResult(p, new double[] {1, 0, 2}))
                .hasMessage("scores hold 3 entries but the preference matrix compares K = 2 responses");
        double[] scores = {1, 0};
        PreferenceResult result = new PreferenceResult(p, scores);
        scores[0] = -7;
        result.scores()[1] = 9;
        assertThat(result).isEqualTo(new PreferenceResult(p, new double[] {1, 0}));
    }
}
