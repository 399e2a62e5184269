package dev.sppo.training;

import dev.sppo.loss.LossType;

/**
 * Settings of one iteration's policy update, in the spirit of TRL's {@code DPOConfig}.
 *
 * @param loss the loss: sppo (official winner/loser), sppo_all, sppo_hard, dpo or ipo
 * @param beta β; SPPO uses η = 1/β
 * @param epochs passes over the iteration's data
 * @param batchSize pairs (or responses, for sppo_all) per optimizer step
 * @param microBatchSize the most sequences (a pair is two) one data-parallel worker's forward pass with a graph
 *     holds, to bound the activations a step keeps (TRL's {@code per_device_train_batch_size} under a larger
 *     batch): a worker with more runs them in micro-batches after one more forward pass without a graph, for the
 *     same gradient; {@link #WHOLE_BATCH} for no limit
 * @param optimizer optimizer, learning rate, warm-up/decay schedule and clipping
 * @param seed shuffling seed
 */
public record PreferenceTrainingConfig(LossType loss, double beta, int epochs, int batchSize, int microBatchSize,
        OptimizerConfig optimizer, long seed) {

    /** {@code micro_batch_size} 0: each worker's whole slice of a batch in one forward pass. */
    public static final int WHOLE_BATCH = ThreadDataParallel.WHOLE_SLICE;

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
        if (microBatchSize < 0) {
            throw new IllegalArgumentException("micro_batch_size must be >= 0 (0: no limit), got " + microBatchSize);
        }
    }

    /** These settings with another shuffling seed. */
    public PreferenceTrainingConfig withSeed(long newSeed) {
        return new PreferenceTrainingConfig(loss, beta, epochs, batchSize, microBatchSize, optimizer, newSeed);
    }
}
