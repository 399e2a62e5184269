package dev.sppo.loop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sppo.evaluation.Degeneration;
import dev.sppo.evaluation.LengthControlledWinRate;
import dev.sppo.evaluation.WinRate;
import dev.sppo.game.GameScores;
import dev.sppo.game.GameStanding;
import dev.sppo.source.PromptCounts;
import dev.sppo.training.TrainingSummary;

import org.junit.jupiter.api.Test;

import java.util.List;

class ResultsTableTest {

    private static final TrainingSummary TRAINING = new TrainingSummary(10, 1.17, 0.2, -0.3, 0.7, -0.05, 0.9, 1000);
    private static final IterationResult.PhaseTimes SECONDS = new IterationResult.PhaseTimes(1, 1, 1, 1);

    @Test
    void aTaskGradedByItsGoldJudgeShowsTaskScoresThenTheTrainedLogRatioAndTheSampledKl() {
        IterationResult base = IterationResult.base(HeldOutScores.base(0.671, 0.495, 3.1, Double.NaN, null, null),
                PromptCounts.generated(6144, 500), "base", 0.4);
        IterationResult first = new IterationResult(1, TRAINING, 0.7322, 0.1839, WinRate.of(6, 1, 3),
                WinRate.of(6, 1, 3), null, null, 0.852, 0.744, 3.0, Double.NaN, null, 0.0421,
                0.05, null, "iter-1", SECONDS, null);

        String winRate = WinRate.of(6, 1, 3).toString();
        assertThat(ResultsTable.markdown(List.of(base, first))).isEqualTo("""
                | iter | loss | P̂ winners | P̂ losers | win rate vs π_0 [95% CI] | vs π_{t-1} | task score | exact \
                | log π_{t-1}/π_t (trained) | KL(π_t ‖ π_{t-1}) | time (s) |
                |---:|---:|---:|---:|---|---|---:|---:|---:|---:|---:|
                | 0 | - | - | - | - | - | 0.671 | 0.495 | - | - | 0.4 |
                | 1 | 1.1700 | 0.7322 | 0.1839 | WIN | WIN | 0.852 | 0.744 | -0.0500 | 0.0421 | 4.0 |
                """.replace("WIN", winRate));
    }

    @Test
    void aTaskOfAnswerClassesLogsTheBestResponseAndTheDistanceToNashOfTheLastAndTheAveragedIterate() {
        GameScores game = new GameScores(List.of("a", "other"), List.of(1.0, 0.0), List.of(0.5, 0.5),
                new GameStanding("other", 0.6, 0.2, 0.25, 0.55), new GameStanding("a", 0.7, 0.4, 0.5, 0.52));
        IterationResult first = new IterationResult(1, TRAINING, 0.7, 0.2, WinRate.of(6, 1, 3), WinRate.of(6, 1, 3),
                null, null, 0.9, 0.8, 3.0, Double.NaN, null, 0.04, 0.05, null, "iter-1", SECONDS, game);

        assertThat(ResultsTable.line(first)).contains(", best response other wins 0.600 (averaged iterate 0.700), "
                + "TV to Nash 0.250 (averaged 0.500)");
    }

    @Test
    void promptsJudgedByAPreferenceModelShowTheLengthControlledWinRateAndTokensButNoTaskScore() {
        IterationResult base = IterationResult.base(HeldOutScores.base(Double.NaN, Double.NaN, 30, 12,
                new Degeneration(20.0, 0.5, 0.8), null),
                new PromptCounts(100, 50, 1, 0, 2), "base", 0.4);
        IterationResult first = new IterationResult(1, TRAINING, 0.6, 0.4, WinRate.of(6, 1, 3), WinRate.of(5, 1, 4),
                WinRate.of(8, 0, 2), new LengthControlledWinRate(0.58, 0.65, 0.3, 0.5, 4, 10), Double.NaN, Double.NaN,
                33, 13.5, new Degeneration(35.25, 0.4, 0.7), 0.1, 0.125, null, "iter-1", SECONDS, null);

        String table = ResultsTable.markdown(List.of(base, first));

        assertThat(table.lines().findFirst().orElseThrow()).isEqualTo("| iter | loss | P̂ winners | P̂ losers "
                + "| judge win rate vs π_0 [95% CI] | LC win rate vs π_0 | proxy win rate vs π_0 | vs π_{t-1} "
                + "| mean tokens | distinct-2 | perplexity under π_0 | KL(π_t ‖ π_0) | log π_{t-1}/π_t (trained) "
                + "| KL(π_t ‖ π_{t-1}) | time (s) |");
        assertThat(table).contains("| 0.580 | " + WinRate.of(8, 0, 2) + " | ")
                .contains("| 13.5 | 0.700 | 35.3 | 0.1250 | -0.0500 | 0.1000 |")
                .contains("| 12.0 | 0.800 | 20.0 | - |");
        assertThat(ResultsTable.line(first)).contains("(length-controlled 0.580)").contains("13.5 tokens")
                .contains("distinct-2 0.700, perplexity under π_0 35.3").contains("KL 0.1000")
                .doesNotContain("task score");
    }
}
