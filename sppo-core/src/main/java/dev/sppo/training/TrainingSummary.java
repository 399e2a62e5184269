package dev.sppo.training;

/**
 * Step-averaged metrics of one training run.
 *
 * @param steps optimizer steps taken
 * @param loss mean loss
 * @param meanLogRatioChosen mean log π_θ/π_ref of winners (sppo_all: of responses with P̂ ≥ 1/2)
 * @param meanLogRatioRejected mean log π_θ/π_ref of losers (sppo_all: of responses with P̂ &lt; 1/2)
 * @param rewardAccuracy fraction of pairs whose winner gained more log-ratio than its loser
 * @param referenceLogRatio mean of log π_ref(y|x) - log π_θ(y|x) over the trained responses, minus their mean
 *     log-ratio; not a KL: the rows are picked by rank, so it can be negative (the sampled KL is
 *     {@code evaluation.KlEstimator}'s)
 * @param gradNorm mean pre-clipping gradient norm
 * @param tokensPerSecond policy tokens (forward and backward) processed per second
 */
public record TrainingSummary(
        int steps,
        double loss,
        double meanLogRatioChosen,
        double meanLogRatioRejected,
        double rewardAccuracy,
        double referenceLogRatio,
        double gradNorm,
        double tokensPerSecond) {

    /** The summary of an update that took no step: 0 steps, every metric NaN. */
    public static TrainingSummary untrained() {
        return new TrainingSummary(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                Double.NaN);
    }
}
