package dev.sppo.loss;

/** Validation of a loss's beta: the KL-regularisation strength, whose inverse eta scales the targets. */
final class Beta {

    private Beta() {
    }

    static double requirePositive(double beta) {
        if (!(beta > 0) || Double.isInfinite(beta)) {
            throw new IllegalArgumentException("beta must be positive and finite, got " + beta);
        }
        return beta;
    }
}
