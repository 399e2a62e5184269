package dev.sppo.loss;

import ai.djl.ndarray.NDScope;

/**
 * What a training step reports about a batch of pairs.
 *
 * <pre>
 *   meanLogRatioChosen   = (1/B) * sum a,   a = policyChosen - referenceChosen
 *   meanLogRatioRejected = (1/B) * sum b,   b = policyRejected - referenceRejected
 *   rewardAccuracy       = (1/B) * #{pairs with a > b}
 *   referenceLogRatio    = (1/(2B)) * sum over the 2B responses of (log pi_ref(y|x) - log pi_theta(y|x))
 * </pre>
 *
 * <p>referenceLogRatio equals -(meanLogRatioChosen + meanLogRatioRejected) / 2. It is not a KL estimate: the
 * responses were sampled from pi_ref but winners and losers are picked by rank, so they are no unbiased sample of
 * it, and the mean goes negative when training raises the trained responses' probabilities. The sampled estimate
 * of KL(pi_theta || pi_ref) is {@code evaluation.KlEstimator}'s.
 *
 * @param loss the batch loss
 * @param meanLogRatioChosen mean of a
 * @param meanLogRatioRejected mean of b
 * @param rewardAccuracy fraction of pairs where a &gt; b
 * @param referenceLogRatio mean of reference minus policy log-probs over winners and losers
 */
public record LossMetrics(
        double loss, double meanLogRatioChosen, double meanLogRatioRejected, double rewardAccuracy,
        double referenceLogRatio) {

    /**
     * Computes the metrics of a batch, given its already computed loss. Reads the arrays without
     * touching their gradients and frees its temporaries.
     */
    public static LossMetrics of(double loss, PairBatch batch) {
        try (NDScope scope = new NDScope()) {
            double[] chosen = Vectors.toDoubles(batch.chosenLogRatio().stopGradient());
            double[] rejected = Vectors.toDoubles(batch.rejectedLogRatio().stopGradient());
            double sumChosen = 0;
            double sumRejected = 0;
            int wins = 0;
            for (int i = 0; i < chosen.length; i++) {
                sumChosen += chosen[i];
                sumRejected += rejected[i];
                wins += chosen[i] > rejected[i] ? 1 : 0;
            }
            int pairs = chosen.length;
            return new LossMetrics(loss, sumChosen / pairs, sumRejected / pairs, (double) wins / pairs,
                    -(sumChosen + sumRejected) / (2.0 * pairs));
        }
    }
}
