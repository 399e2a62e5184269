package dev.sppo.loss;

import ai.djl.ndarray.NDArray;

/**
 * SPPO's squared loss over every selected response (the "all K responses" selection):
 *
 * <pre>
 *   L = (1/N) * sum_i ( log(pi_theta(y_i|x) / pi_t(y_i|x)) - eta * (Phat(y_i) - 1/2) )^2,   eta = 1/beta
 * </pre>
 *
 * <p>Symbols: pi_theta = {@code batch.policy()}, pi_t = {@code batch.reference()} (the frozen copy of
 * the current iterate), Phat = {@code batch.winRate()}, N the batch length, beta = {@link #beta()}.
 * The minimiser moves each response's log-ratio to eta * (Phat - 1/2): up for responses that win
 * more than half of their duels, down for the others.
 *
 * @param beta KL-regularisation strength; must be positive
 */
public record SppoAllLoss(double beta) implements ResponseLoss {

    public SppoAllLoss {
        Beta.requirePositive(beta);
    }

    @Override
    public NDArray loss(ResponseBatch batch) {
        NDArray winRate = batch.winRate();
        NDArray target = winRate.sub(0.5).mul(Vectors.scalar(winRate, 1.0 / beta));
        return batch.logRatio().sub(target).square().mean();
    }

    @Override
    public String name() {
        return LossType.SPPO_ALL.id();
    }
}
