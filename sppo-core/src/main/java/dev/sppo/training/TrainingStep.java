package dev.sppo.training;

import dev.sppo.loss.LossMetrics;

/**
 * One optimizer step of a policy update.
 *
 * @param result the step's loss, gradient norm and learning rate
 * @param metrics the batch's log-ratios, reward accuracy and KL estimate before the step
 * @param tokens prompt and response tokens in the batch
 * @param nanos wall time of the step: forward, backward and update
 */
public record TrainingStep(ParameterUpdater.StepResult result, LossMetrics metrics, long tokens, long nanos) {}
