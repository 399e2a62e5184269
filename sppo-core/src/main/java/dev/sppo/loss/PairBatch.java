package dev.sppo.loss;

import ai.djl.ndarray.NDArray;

/**
 * One batch of B winner/loser pairs: sequence log-probs log pi(y|x) summed over response tokens,
 * under the policy being trained and under the frozen reference, plus the estimated win rates.
 * Every component is a 1-D array of length B.
 *
 * @param policyChosen log pi_theta(y_w|x)
 * @param policyRejected log pi_theta(y_l|x)
 * @param referenceChosen log pi_ref(y_w|x)
 * @param referenceRejected log pi_ref(y_l|x)
 * @param winRateChosen Phat(y_w), the winner's estimated win rate
 * @param winRateRejected Phat(y_l), the loser's estimated win rate
 */
public record PairBatch(
        NDArray policyChosen,
        NDArray policyRejected,
        NDArray referenceChosen,
        NDArray referenceRejected,
        NDArray winRateChosen,
        NDArray winRateRejected) {

    private static final String[] NAMES = {
        "policyChosen", "policyRejected", "referenceChosen", "referenceRejected", "winRateChosen", "winRateRejected"
    };

    public PairBatch {
        Vectors.requireSameLengthVectors("PairBatch", NAMES,
                policyChosen, policyRejected, referenceChosen, referenceRejected, winRateChosen, winRateRejected);
    }

    /** The number of pairs B. */
    public long size() {
        return policyChosen.getShape().get(0);
    }

    /** a = log(pi_theta(y_w|x) / pi_ref(y_w|x)) = policyChosen - referenceChosen. */
    public NDArray chosenLogRatio() {
        return policyChosen.sub(referenceChosen);
    }

    /** b = log(pi_theta(y_l|x) / pi_ref(y_l|x)) = policyRejected - referenceRejected. */
    public NDArray rejectedLogRatio() {
        return policyRejected.sub(referenceRejected);
    }

    /** a - b, the margin by which the policy moved the winner's log-ratio above the loser's. */
    public NDArray logRatioMargin() {
        return chosenLogRatio().sub(rejectedLogRatio());
    }
}
