package dev.sppo.kernels;

/**
 * The settings of one {@link TorchKernels#adamW} step, named as in {@code torch.optim.AdamW}.
 *
 * @param learningRate lr of this step
 * @param beta1 first-moment decay
 * @param beta2 second-moment decay
 * @param weightDecay decoupled weight decay
 * @param epsilon added to the denominator
 */
public record AdamWStep(double learningRate, double beta1, double beta2, double weightDecay, double epsilon) {}
