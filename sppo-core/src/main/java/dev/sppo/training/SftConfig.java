package dev.sppo.training;

/**
 * Supervised fine-tuning settings.
 *
 * @param epochs passes over the demonstrations
 * @param batchSize examples per optimizer step
 * @param optimizer optimizer, learning rate, schedule and clipping
 * @param seed shuffling seed
 */
public record SftConfig(int epochs, int batchSize, OptimizerConfig optimizer, long seed) {

    public SftConfig {
        if (epochs < 1) {
            throw new IllegalArgumentException("epochs must be >= 1, got " + epochs);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch_size must be >= 1, got " + batchSize);
        }
    }
}
