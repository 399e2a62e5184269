package dev.sppo.loss;

import ai.djl.ndarray.NDArray;

/**
 * TRL's IPO loss (Azar et al. 2023), a baseline on the same winner/loser pairs:
 *
 * <pre>
 *   L = (1/B) * sum_pairs (a - b - 1/(2 beta))^2
 *   a = log(pi_theta(y_w|x) / pi_t(y_w|x)),   b = log(pi_theta(y_l|x) / pi_t(y_l|x))
 * </pre>
 *
 * <p>Symbols: a - b = {@link PairBatch#logRatioMargin()} (a = {@link PairBatch#chosenLogRatio()},
 * b = {@link PairBatch#rejectedLogRatio()}), B the number of pairs, beta = {@link #beta()}; the
 * win-rate components are ignored.
 *
 * @param beta regularisation strength; must be positive
 */
public record IpoLoss(double beta) implements PreferenceLoss {

    public IpoLoss {
        Beta.requirePositive(beta);
    }

    @Override
    public NDArray loss(PairBatch batch) {
        return batch.logRatioMargin().sub(1.0 / (2.0 * beta)).square().mean();
    }

    @Override
    public String name() {
        return LossType.IPO.id();
    }
}
