package dev.sppo.training;

/**
 * Step-averaged metrics of one training run.
 *
 * @param steps optimizer steps taken
 * @param loss mean loss
 * @param meanLogRatioChosen mean log π_θ/π_ref of winners (sppo_all: of responses with P̂ ≥ 1/2)
 * @param meanLogRatioRejected mean log π_θ/π_ref of losers (sppo_all: of responses with P̂ &lt; 1/2)
 * @param rewardAccuracy fraction of pairs whose winner gained more log-ratio than its loser
 * @param klEstimate mean of log π_ref - log π_θ over the trained responses
 * @param gradNorm mean pre-clipping gradient norm
 * @param tokensPerSecond policy tokens (forward and backward) processed per second
 */
public record TrainingSummary(
        int steps,
        double loss,
        double meanLogRatioChosen,
        double meanLogRatioRejected,
        double rewardAccuracy,
        double klEstimate,
        double gradNorm,
        double tokensPerSecond) {}
