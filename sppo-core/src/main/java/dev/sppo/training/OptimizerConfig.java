package dev.sppo.training;

/**
 * How the trainer optimises: the optimizer, its settings, the learning-rate schedule and clipping.
 * Settings that the chosen {@link Kind} does not use (alpha for AdamW, beta1 and beta2 for RMSprop)
 * are still validated but ignored.
 *
 * @param kind which optimizer
 * @param learningRate the peak learning rate; positive
 * @param weightDecay decoupled decay for AdamW, L2 penalty for RMSprop; at least 0
 * @param beta1 AdamW's first-moment decay, in [0, 1)
 * @param beta2 AdamW's second-moment decay, in [0, 1)
 * @param alpha RMSprop's square-average smoothing, in [0, 1)
 * @param epsilon added to the optimizer's denominator; positive
 * @param warmupRatio fraction of the steps of {@link LinearWarmupDecay} spent warming up, in [0, 1]
 * @param maxGradNorm global gradient-norm limit of {@link GradientClipping}; positive, infinity to disable
 */
public record OptimizerConfig(
        Kind kind,
        double learningRate,
        double weightDecay,
        double beta1,
        double beta2,
        double alpha,
        double epsilon,
        double warmupRatio,
        double maxGradNorm) {

    /** The optimizers on offer. */
    public enum Kind {
        /** {@link AdamW}. */
        ADAMW,
        /** {@link RmsProp}. */
        RMSPROP
    }

    public OptimizerConfig {
        if (kind == null) {
            throw new IllegalArgumentException("kind must be one of ADAMW, RMSPROP, got null");
        }
        Hyperparameters.requirePositive("learningRate", learningRate);
        Hyperparameters.requireNonNegative("weightDecay", weightDecay);
        Hyperparameters.requireFraction("beta1", beta1);
        Hyperparameters.requireFraction("beta2", beta2);
        Hyperparameters.requireFraction("alpha", alpha);
        Hyperparameters.requirePositive("epsilon", epsilon);
        Hyperparameters.requireRatio("warmupRatio", warmupRatio);
        Hyperparameters.requirePositiveLimit("maxGradNorm", maxGradNorm);
    }

    /**
     * Defaults for the built-in tiny models (well under 10M parameters): AdamW with torch's betas
     * (0.9, 0.999) and epsilon 1e-8, learning rate 1e-4, no weight decay (preference fine-tuning
     * should stay near the reference, not shrink towards zero), warmup over 10% of the steps and
     * clipping at norm 1.0 (the HF Trainer default). The rate is a tenth of the 1e-3 that trains
     * such models from scratch, the usual ratio for fine-tuning; it is a starting point, not a
     * tuned value. RMSprop's alpha is torch's 0.99.
     */
    public static OptimizerConfig defaults() {
        return builder().build();
    }

    /**
     * The official SPPO recipe for 7B models: RMSprop with torch's defaults (alpha 0.99, epsilon
     * 1e-8, no weight decay), learning rate 5e-7, linear schedule with warmup ratio 0.1 and the HF
     * Trainer's clipping at norm 1.0. Far too small a rate for tiny models.
     */
    public static OptimizerConfig officialSppo() {
        return builder().kind(Kind.RMSPROP).learningRate(5e-7).build();
    }

    /** A builder that starts from {@link #defaults()}: set only what differs. */
    public static Builder builder() {
        return new Builder();
    }

    /** A fresh optimizer of this kind, with empty state. */
    public Optimizer newOptimizer() {
        return switch (kind) {
            case ADAMW -> new AdamW(beta1, beta2, epsilon, weightDecay);
            case RMSPROP -> new RmsProp(alpha, epsilon, weightDecay);
        };
    }

    /** The learning-rate schedule of a run of {@code totalSteps} optimizer steps. */
    public LinearWarmupDecay schedule(int totalSteps) {
        return new LinearWarmupDecay(learningRate, totalSteps, warmupRatio);
    }

    /** Named construction: each setter names its setting; {@link #build} validates them all. */
    public static final class Builder {

        private Kind kind = Kind.ADAMW;
        private double learningRate = 1e-4;
        private double weightDecay = 0.0;
        private double beta1 = 0.9;
        private double beta2 = 0.999;
        private double alpha = 0.99;
        private double epsilon = 1e-8;
        private double warmupRatio = 0.1;
        private double maxGradNorm = 1.0;

        private Builder() {}

        public Builder kind(Kind value) {
            kind = value;
            return this;
        }

        public Builder learningRate(double value) {
            learningRate = value;
            return this;
        }

        public Builder weightDecay(double value) {
            weightDecay = value;
            return this;
        }

        public Builder beta1(double value) {
            beta1 = value;
            return this;
        }

        public Builder beta2(double value) {
            beta2 = value;
            return this;
        }

        public Builder alpha(double value) {
            alpha = value;
            return this;
        }

        public Builder epsilon(double value) {
            epsilon = value;
            return this;
        }

        public Builder warmupRatio(double value) {
            warmupRatio = value;
            return this;
        }

        public Builder maxGradNorm(double value) {
            maxGradNorm = value;
            return this;
        }

        /** @throws IllegalArgumentException naming the first setting out of its range */
        public OptimizerConfig build() {
            return new OptimizerConfig(kind, learningRate, weightDecay, beta1, beta2, alpha, epsilon, warmupRatio,
                    maxGradNorm);
        }
    }
}
