package dev.sppo.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;

/**
 * The sigmoid DPO loss (Rafailov et al. 2023), a baseline on the same winner/loser pairs:
 *
 * <pre>
 *   L = (1/B) * sum_pairs -log sigmoid(beta * (a - b)) = (1/B) * sum_pairs softplus(-beta * (a - b))
 *   a = log(pi_theta(y_w|x) / pi_t(y_w|x)),   b = log(pi_theta(y_l|x) / pi_t(y_l|x))
 * </pre>
 *
 * <p>Symbols: a - b = {@link PairBatch#logRatioMargin()} (a = {@link PairBatch#chosenLogRatio()},
 * b = {@link PairBatch#rejectedLogRatio()}), B the number of pairs, beta = {@link #beta()}; the
 * win-rate components are ignored. The softplus form stays finite for any margin, where
 * log(sigmoid(z)) underflows to log 0 for very negative z.
 *
 * @param beta inverse temperature of the implicit reward; must be positive (usual value 0.1)
 */
public record DpoLoss(double beta) implements PreferenceLoss {

    public DpoLoss {
        Beta.requirePositive(beta);
    }

    @Override
    public NDArray loss(PairBatch batch) {
        NDArray margin = batch.logRatioMargin();
        return Activation.softPlus(margin.mul(Vectors.scalar(margin, -beta))).mean();
    }

    @Override
    public String name() {
        return LossType.DPO.id();
    }
}
