package dev.sppo.training;

import ai.djl.ndarray.NDArray;

/**
 * AdamW (Loshchilov and Hutter 2019), following {@code torch.optim.AdamW} (amsgrad off) exactly.
 * At step t = 1, 2, ... of a parameter w with gradient g and learning rate lr:
 *
 * <pre>
 *   w   = w * (1 - lr * weightDecay)                  decoupled weight decay
 *   m   = beta1 * m + (1 - beta1) * g
 *   v   = beta2 * v + (1 - beta2) * g^2
 *   w   = w - (lr / (1 - beta1^t)) * m / (sqrt(v) / sqrt(1 - beta2^t) + epsilon)
 * </pre>
 *
 * <p>m and v start at zero and, with t, are kept per parameter ({@link Moments}).
 */
public final class AdamW extends PerParameterOptimizer<AdamW.Moments> {

    private final double beta1;
    private final double beta2;
    private final double epsilon;
    private final double weightDecay;

    /**
     * @param beta1 decay of the first moment, in [0, 1) (torch default 0.9)
     * @param beta2 decay of the second moment, in [0, 1) (torch default 0.999)
     * @param epsilon added to the denominator, positive (torch default 1e-8)
     * @param weightDecay decoupled weight decay, at least 0 (torch default 0.01)
     */
    public AdamW(double beta1, double beta2, double epsilon, double weightDecay) {
        this.beta1 = Hyperparameters.requireFraction("beta1", beta1);
        this.beta2 = Hyperparameters.requireFraction("beta2", beta2);
        this.epsilon = Hyperparameters.requirePositive("epsilon", epsilon);
        this.weightDecay = Hyperparameters.requireNonNegative("weightDecay", weightDecay);
    }

    /** A parameter's moments m and v and its step count t. */
    static final class Moments {
        private final NDArray first;
        private final NDArray second;
        private long step;

        private Moments(NDArray first, NDArray second) {
            this.first = first;
            this.second = second;
        }
    }

    @Override
    Moments newState(NDArray weights) {
        return new Moments(zerosLike(weights), zerosLike(weights));
    }

    @Override
    void update(NDArray weights, NDArray gradient, Moments state, double learningRate) {
        state.step++;
        if (weightDecay != 0) {
            weights.muli(1 - learningRate * weightDecay);
        }
        state.first.muli(beta1).addi(gradient.mul(1 - beta1));
        state.second.muli(beta2).addi(gradient.square().muli(1 - beta2));
        double firstCorrection = 1 - Math.pow(beta1, state.step);
        double secondCorrection = 1 - Math.pow(beta2, state.step);
        NDArray denominator = state.second.sqrt().divi(Math.sqrt(secondCorrection)).addi(epsilon);
        weights.subi(state.first.div(denominator).muli(learningRate / firstCorrection));
    }
}
