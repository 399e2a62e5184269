package dev.sppo.training;

import ai.djl.ndarray.NDArray;

/**
 * RMSprop following {@code torch.optim.RMSprop} with its defaults momentum = 0 and centered = false
 * (the optimizer of the official SPPO runs). For a parameter w with gradient g and learning rate lr:
 *
 * <pre>
 *   g = g + weightDecay * w                           L2 penalty, coupled as in torch
 *   v = alpha * v + (1 - alpha) * g^2
 *   w = w - lr * g / (sqrt(v) + epsilon)
 * </pre>
 *
 * <p>v, the square average, starts at zero and is kept per parameter.
 */
public final class RmsProp extends PerParameterOptimizer<NDArray> {

    private final double alpha;
    private final double epsilon;
    private final double weightDecay;

    /**
     * @param alpha smoothing of the square average, in [0, 1) (torch default 0.99)
     * @param epsilon added to the denominator, positive (torch default 1e-8)
     * @param weightDecay L2 penalty added to the gradient, at least 0 (torch default 0)
     */
    public RmsProp(double alpha, double epsilon, double weightDecay) {
        this.alpha = Hyperparameters.requireFraction("alpha", alpha);
        this.epsilon = Hyperparameters.requirePositive("epsilon", epsilon);
        this.weightDecay = Hyperparameters.requireNonNegative("weightDecay", weightDecay);
    }

    @Override
    NDArray newState(NDArray weights) {
        return zerosLike(weights);
    }

    @Override
    void update(NDArray weights, NDArray gradient, NDArray squareAverage, double learningRate) {
        NDArray g = weightDecay == 0 ? gradient : gradient.add(weights.mul(weightDecay));
        squareAverage.muli(alpha).addi(g.square().muli(1 - alpha));
        weights.subi(g.div(squareAverage.sqrt().addi(epsilon)).muli(learningRate));
    }
}
