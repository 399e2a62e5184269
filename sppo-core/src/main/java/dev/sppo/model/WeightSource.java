package dev.sppo.model;

import java.util.Arrays;
import java.util.SplittableRandom;

/** Supplies the float32 values of each checkpoint tensor, in row-major order, when a model is built. */
@FunctionalInterface
public interface WeightSource {

    float[] values(LlamaLayout.TensorSpec spec);

    /**
     * Fresh weights drawn in the order they are asked for: {@link LlamaLayout.Init#NORMAL} tensors ~ N(0,
     * {@code initializerRange}²), norm gains 1, biases 0; seeded.
     */
    static WeightSource random(double initializerRange, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        return spec -> {
            float[] values = new float[Math.toIntExact(spec.numel())];
            switch (spec.init()) {
                case ONES -> Arrays.fill(values, 1f);
                case ZEROS -> { }
                case NORMAL -> {
                    for (int i = 0; i < values.length; i++) {
                        values[i] = (float) (rng.nextGaussian() * initializerRange);
                    }
                }
            }
            return values;
        };
    }
}
