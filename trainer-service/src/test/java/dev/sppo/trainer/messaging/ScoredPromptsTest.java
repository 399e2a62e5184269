package dev.sppo.trainer.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.sppo.contracts.InvalidMessageException;
import dev.sppo.contracts.ScoredPrompt;
import dev.sppo.preference.Selection;
import dev.sppo.training.PromptOutcome;
import dev.sppo.training.ScoredResponse;

import org.junit.jupiter.api.Test;

import java.util.List;

class ScoredPromptsTest {

    @Test
    void winnerAndLoserRowsCarryTheSentTokensReferenceLogprobsAndWinRates() {
        ScoredPrompt scored = ScoredPromptFixtures.twoResponses("p-7", 0.9, 10.0, 5.0);

        List<ScoredResponse> rows = ScoredPrompts.outcome(scored).rows(Selection.WINNER_LOSER);

        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).prompt()).containsExactly(1, 5, 6);
        assertThat(rows.get(0).response()).as("stop token kept").containsExactly(7, 5, 2);
        assertThat(rows.get(0).reference()).isEqualTo(-1.25);
        assertThat(rows.get(0).winRate()).as("(0.5 + 0.9) / 2").isCloseTo(0.7, within(1e-12));
        assertThat(rows.get(1).response()).containsExactly(7, 4);
        assertThat(rows.get(1).reference()).isEqualTo(-2.5);
        assertThat(rows.get(1).winRate()).as("(0.1 + 0.5) / 2").isCloseTo(0.3, within(1e-12));
    }

    @Test
    void equallyPreferredResponsesGiveNoPairButEveryResponseForSppoAll() {
        PromptOutcome outcome = ScoredPrompts.outcome(ScoredPromptFixtures.twoResponses("p-7", 0.5, 3.0, 3.0));

        assertThat(outcome.rows(Selection.WINNER_LOSER)).isEmpty();
        assertThat(outcome.rows(Selection.ALL)).extracting(ScoredResponse::winRate).containsExactly(0.5, 0.5);
    }

    @Test
    void matrixThatIsNotAPreferenceMatrixIsAnInvalidMessage() {
        ScoredPrompt valid = ScoredPromptFixtures.twoResponses("p-7", 0.9, 10.0, 5.0);
        ScoredPrompt broken = new ScoredPrompt(valid.version(), valid.responses(),
                List.of(List.of(0.5, 0.9), List.of(0.3, 0.5)), valid.winRates(), valid.scores(), 0, 1);

        assertThatThrownBy(() -> ScoredPrompts.outcome(broken)).isInstanceOf(InvalidMessageException.class)
                .hasMessageStartingWith("ScoredPrompt.matrix/scores:");
    }
}
