package dev.sppo.loop;

import dev.sppo.evaluation.WinRate;
import dev.sppo.training.TrainingSummary;

/**
 * What one SPPO iteration measured. Iteration 0 describes the base policy π_0 (no training, no win rates).
 *
 * @param iteration t, so this row describes π_t
 * @param training the policy update that produced π_t (null for π_0)
 * @param winnerWinRate mean P̂ of the selected winners in the iteration's data
 * @param loserWinRate mean P̂ of the selected losers
 * @param vsBase π_t against π_0 on held-out prompts (null for π_0)
 * @param vsPrevious π_t against π_{t-1} (null for π_0)
 * @param proxyVsBase π_t against π_0 as the training preference model judges it, when that model is a proxy
 *     of the gold judge (a learned ranker or reward model, an LLM judge, an ensemble); null otherwise
 * @param taskScore mean gold score of π_t's held-out responses
 * @param exactMatch fraction of π_t's held-out responses that are exactly right
 * @param meanResponseLength mean length of π_t's held-out responses, in characters
 * @param checkpoint directory of π_t
 * @param phaseSeconds seconds spent in generate, prefer, train and evaluate
 */
public record IterationResult(
        int iteration,
        TrainingSummary training,
        double winnerWinRate,
        double loserWinRate,
        WinRate vsBase,
        WinRate vsPrevious,
        WinRate proxyVsBase,
        double taskScore,
        double exactMatch,
        double meanResponseLength,
        String checkpoint,
        PhaseTimes phaseSeconds) {

    /** Wall-clock seconds per phase. */
    public record PhaseTimes(double generate, double prefer, double train, double evaluate) {

        public double total() {
            return generate + prefer + train + evaluate;
        }
    }
}
