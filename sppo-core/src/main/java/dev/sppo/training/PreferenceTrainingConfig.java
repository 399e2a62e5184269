package dev.sppo.training;

import dev.sppo.loss.LossType;

/**
 * Settings of one iteration's policy update, in the spirit of TRL's {@code DPOConfig}.
 *
 * @param loss the loss: sppo (official winner/loser), sppo_all, sppo_hard, dpo or ipo
 * @param beta β; SPPO uses η = 1/β
 * @param epochs passes over the iteration's data
 * @param batchSize pairs (or responses, for sppo_all) per optimizer step
 * @param optimizer optimizer, learning rate, warm-up/decay schedule and clipping
 * @param seed shuffling seed
 */
public record PreferenceTrainingConfig(
        LossType loss, double beta, int epochs, int batchSize, OptimizerConfig optimizer, long seed) {

    public PreferenceTrainingConfig {
        if (loss == null) {
            throw new IllegalArgumentException("loss must be set");
        }
        if (!(beta > 0) || Double.isInfinite(beta)) {
            throw new IllegalArgumentException("beta must be a finite number > 0, got " + beta);
        }
        if (epochs < 1) {
            throw new IllegalArgumentException("epochs must be >= 1, got " + epochs);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch_size must be >= 1, got " + batchSize);
        }
    }

    /** These settings with another shuffling seed. */
    public PreferenceTrainingConfig withSeed(long newSeed) {
        return new PreferenceTrainingConfig(loss, beta, epochs, batchSize, optimizer, newSeed);
    }
}
