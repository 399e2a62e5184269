package dev.sppo.loss;

import ai.djl.ndarray.NDArray;

/**
 * TRL's {@code sppo_hard} loss: SPPO with the hard targets Phat_w = 1 and Phat_l = 0,
 *
 * <pre>
 *   L = (1/B) * sum_pairs ( (a - 1/(2 beta))^2 + (b + 1/(2 beta))^2 )
 *   a = log(pi_theta(y_w|x) / pi_t(y_w|x)),   b = log(pi_theta(y_l|x) / pi_t(y_l|x))
 * </pre>
 *
 * <p>Symbols: a = {@link PairBatch#chosenLogRatio()}, b = {@link PairBatch#rejectedLogRatio()},
 * B the number of pairs, beta = {@link #beta()}; the win-rate components of the batch are ignored.
 * This is exactly TRL's form: the two squared terms are summed, not halved, so it is twice
 * {@link SppoLoss} evaluated at Phat_w = 1, Phat_l = 0.
 *
 * @param beta KL-regularisation strength; must be positive
 */
public record SppoHardLoss(double beta) implements PreferenceLoss {

    public SppoHardLoss {
        Beta.requirePositive(beta);
    }

    @Override
    public NDArray loss(PairBatch batch) {
        double halfEta = 1.0 / (2.0 * beta);
        NDArray winnerTerm = batch.chosenLogRatio().sub(halfEta).square();
        NDArray loserTerm = batch.rejectedLogRatio().add(halfEta).square();
        return winnerTerm.add(loserTerm).mean();
    }

    @Override
    public String name() {
        return LossType.SPPO_HARD.id();
    }
}
