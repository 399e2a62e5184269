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
     * tuned value.
     */
    public static OptimizerConfig defaults() {
        return new OptimizerConfig(Kind.ADAMW, 1e-4, 0.0, 0.9, 0.999, 0.99, 1e-8, 0.1, 1.0);
    }

    /**
     * The official SPPO recipe for 7B models: RMSprop with torch's defaults (alpha 0.99, epsilon
     * 1e-8, no weight decay), learning rate 5e-7, linear schedule with warmup ratio 0.1 and the HF
     * Trainer's clipping at norm 1.0. Far too small a rate for tiny models.
     */
    public static OptimizerConfig officialSppo() {
        return new OptimizerConfig(Kind.RMSPROP, 5e-7, 0.0, 0.9, 0.999, 0.99, 1e-8, 0.1, 1.0);
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
}
