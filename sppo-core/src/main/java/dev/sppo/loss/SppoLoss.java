package dev.sppo.loss;

import ai.djl.ndarray.NDArray;

/**
 * SPPO's loss on each prompt's winner and loser, as in the official uclaml/SPPO trainer:
 *
 * <pre>
 *   L = (1/B) * sum_pairs ( (a - eta * (Phat_w - 1/2))^2 + (b - eta * (Phat_l - 1/2))^2 ) / 2,   eta = 1/beta
 *   a = log(pi_theta(y_w|x) / pi_t(y_w|x)),   b = log(pi_theta(y_l|x) / pi_t(y_l|x))
 * </pre>
 *
 * <p>Symbols: a = {@link PairBatch#chosenLogRatio()}, b = {@link PairBatch#rejectedLogRatio()},
 * Phat_w = {@code winRateChosen}, Phat_l = {@code winRateRejected}, B the number of pairs,
 * beta = {@link #beta()}. Averaging the two squared terms of every pair is the same as averaging
 * the squared term over all 2B responses, so this loss is {@link SppoAllLoss} applied to the
 * winners and losers together.
 *
 * @param beta KL-regularisation strength; must be positive (official 7B value: 0.001)
 */
public record SppoLoss(double beta) implements PreferenceLoss {

    public SppoLoss {
        Beta.requirePositive(beta);
    }

    @Override
    public NDArray loss(PairBatch batch) {
        ResponseBatch winnersAndLosers = new ResponseBatch(
                batch.policyChosen().concat(batch.policyRejected()),
                batch.referenceChosen().concat(batch.referenceRejected()),
                batch.winRateChosen().concat(batch.winRateRejected()));
        return new SppoAllLoss(beta).loss(winnersAndLosers);
    }

    @Override
    public String name() {
        return LossType.SPPO.id();
    }
}
