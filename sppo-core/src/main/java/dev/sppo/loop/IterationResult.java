package dev.sppo.loop;

import dev.sppo.evaluation.Degeneration;
import dev.sppo.evaluation.LengthControlledWinRate;
import dev.sppo.evaluation.WinRate;
import dev.sppo.game.GameScores;
import dev.sppo.source.PromptCounts;
import dev.sppo.training.TrainingSummary;

/**
 * What one SPPO iteration measured, one line of {@code metrics.jsonl}. Iteration 0 describes the base policy π_0
 * (no training, no win rates, no KL) and the run's prompts. What was not measured is null (a number that was not
 * measured is NaN here and null in the file).
 *
 * @param iteration t, so this row describes π_t
 * @param training the policy update that produced π_t (null for π_0)
 * @param winnerWinRate mean P̂ of the selected winners in the iteration's data
 * @param loserWinRate mean P̂ of the selected losers
 * @param vsBase π_t against π_0 on held-out prompts under the evaluation judge (the gold judge of a task unless
 *     {@code evaluation.judge} names another), null for π_0
 * @param vsPrevious π_t against π_{t-1} (null for π_0)
 * @param proxyVsBase π_t against π_0 as the training preference model judges it, when that model is a proxy of the
 *     evaluation judge; null otherwise
 * @param lengthControlledVsBase π_t's win rate against π_0 at equal response lengths (in tokens), when a
 *     preference model evaluates; null for a task's gold evaluation and for π_0
 * @param taskScore mean gold score of π_t's held-out responses; NaN without gold answers
 * @param exactMatch fraction of π_t's held-out responses that are exactly right; NaN without gold answers
 * @param meanResponseLength mean length of π_t's held-out responses, in characters
 * @param meanResponseTokens mean length of π_t's held-out responses, in tokens, when a preference model evaluates;
 *     NaN for a task's gold evaluation
 * @param degeneration signs of degenerate text in π_t's held-out responses (perplexity under π_0, distinct-n),
 *     when a preference model evaluates; null for a task's gold evaluation
 * @param kl KL(π_t ‖ π_{t-1}) in nats, the mean of log π_t(y|x) - log π_{t-1}(y|x) over responses y sampled from
 *     π_t on the held-out prompts ({@link dev.sppo.evaluation.KlEstimator}); NaN for π_0
 * @param klVsBase KL(π_t ‖ π_0) in nats, from the same responses; NaN for π_0
 * @param prompts the run's prompts (iteration 0 only)
 * @param checkpoint directory of π_t
 * @param phaseSeconds seconds spent in generate, prefer, train and evaluate
 * @param game for a task of answer classes ({@link dev.sppo.task.Task#game()}) under its gold evaluation: π_t's class
 *     shares and exploitability, and those of the averaged iterate; null otherwise
 */
public record IterationResult(
        int iteration,
        TrainingSummary training,
        double winnerWinRate,
        double loserWinRate,
        WinRate vsBase,
        WinRate vsPrevious,
        WinRate proxyVsBase,
        LengthControlledWinRate lengthControlledVsBase,
        double taskScore,
        double exactMatch,
        double meanResponseLength,
        double meanResponseTokens,
        Degeneration degeneration,
        double kl,
        double klVsBase,
        PromptCounts prompts,
        String checkpoint,
        PhaseTimes phaseSeconds,
        GameScores game) {

    /** Wall-clock seconds per phase. */
    public record PhaseTimes(double generate, double prefer, double train, double evaluate) {

        public double total() {
            return generate + prefer + train + evaluate;
        }
    }

    /** π_0's row: its held-out scores and the run's prompts. */
    static IterationResult base(HeldOutScores scores, PromptCounts prompts, String checkpoint, double evaluateSeconds) {
        return new IterationResult(0, null, Double.NaN, Double.NaN, null, null, null, null, scores.taskScore(),
                scores.exactMatch(), scores.meanResponseLength(), scores.meanResponseTokens(), scores.degeneration(),
                Double.NaN, Double.NaN, prompts,
                checkpoint, new PhaseTimes(0, 0, 0, evaluateSeconds), scores.game());
    }
}
