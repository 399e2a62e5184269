package dev.sppo.trainer.orchestration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.sppo.preference.Selection;
import dev.sppo.trainer.messaging.ScoredPromptFixtures;
import dev.sppo.trainer.messaging.ScoredPrompts;
import dev.sppo.training.PromptOutcome;
import dev.sppo.training.TrainingData;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

class TrainingDataTest {

    private final List<PromptOutcome> outcomes = List.of(
            ScoredPrompts.outcome(ScoredPromptFixtures.twoResponses("a", 0.9, 10, 5)),
            ScoredPrompts.outcome(ScoredPromptFixtures.twoResponses("b", 0.5, 4, 4)));

    @Test
    void pairLossesTrainOnInformativePromptsButRecordEveryPrompt() {
        TrainingData data = TrainingData.select(outcomes, Selection.WINNER_LOSER);

        assertThat(data.rows()).hasSize(2);
        assertThat(data.responsesPerPrompt()).isEqualTo(Map.of("a", 2, "b", 0));
        assertThat(data.promptsWithRows()).isEqualTo(1);
        assertThat(data.winnerWinRate()).as("mean of 0.7 and 0.5").isCloseTo(0.6, within(1e-12));
        assertThat(data.loserWinRate()).as("mean of 0.3 and 0.5").isCloseTo(0.4, within(1e-12));
    }

    @Test
    void sppoAllTrainsOnEveryResponseOfEveryPrompt() {
        TrainingData data = TrainingData.select(outcomes, Selection.ALL);

        assertThat(data.rows()).hasSize(4);
        assertThat(data.promptsWithRows()).isEqualTo(2);
    }
}
