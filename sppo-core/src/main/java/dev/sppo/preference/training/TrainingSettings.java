package dev.sppo.preference.training;

import dev.sppo.training.OptimizerConfig;

import java.util.Objects;

/**
 * The {@code training} section of a preference-model run.
 *
 * @param epochs passes over the training pairs, at least 1
 * @param batchSize pairs per optimizer step, at least 1
 * @param optimizer optimizer, schedule and clipping
 * @param languageModelWeight the ranker's auxiliary language-model weight λ (see {@link RankerObjective}), ≥ 0
 */
public record TrainingSettings(int epochs, int batchSize, OptimizerConfig optimizer, double languageModelWeight) {

    public TrainingSettings {
        Objects.requireNonNull(optimizer, "optimizer");
        if (epochs < 1) {
            throw new IllegalArgumentException("epochs must be >= 1, got " + epochs);
        }
        if (!(languageModelWeight >= 0) || Double.isInfinite(languageModelWeight)) {
            throw new IllegalArgumentException("language_model_weight must be >= 0 and finite, got "
                    + languageModelWeight);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch_size must be >= 1, got " + batchSize);
        }
    }
}
