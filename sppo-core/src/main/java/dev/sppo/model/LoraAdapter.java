package dev.sppo.model;

import java.util.SplittableRandom;

/**
 * A LoRA adapter to build a model with: its settings and the values of its {@link LoraLayout} tensors.
 *
 * @param config rank, alpha, dropout, targets
 * @param weights the values of each {@code lora_A} and {@code lora_B} tensor
 */
public record LoraAdapter(LoraConfig config, WeightSource weights) {

    /**
     * A new adapter initialised as PEFT does ({@code init_lora_weights=True}): A by {@code kaiming_uniform_(a=√5)},
     * that is uniform on [-1/√in, 1/√in], and B = 0, so that the adapted model equals its base; seeded.
     */
    public static LoraAdapter fresh(LoraConfig config, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        return new LoraAdapter(config, spec -> {
            float[] values = new float[Math.toIntExact(spec.numel())];
            if (spec.name().endsWith(LoraLayout.A_SUFFIX)) {
                double bound = 1 / Math.sqrt(spec.shape()[1]);
                for (int i = 0; i < values.length; i++) {
                    values[i] = (float) ((2 * rng.nextDouble() - 1) * bound);
                }
            }
            return values;
        });
    }
}
