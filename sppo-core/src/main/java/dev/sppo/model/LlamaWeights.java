package dev.sppo.model;

import java.util.Objects;

/**
 * What a {@link Llama} is built from.
 *
 * @param base the values of the checkpoint tensors of {@link LlamaLayout}
 * @param precision how the base weights are held in memory; a base in half precision is frozen (only an adapter on
 *     it trains) and computes its products in that precision (see {@code Float32})
 * @param adapter a LoRA adapter on the base, or null
 */
public record LlamaWeights(WeightSource base, WeightPrecision precision, LoraAdapter adapter) {

    public LlamaWeights {
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(precision, "precision");
    }

    /** Float32 weights, no adapter: a model whose every parameter trains. */
    public static LlamaWeights full(WeightSource base) {
        return new LlamaWeights(base, WeightPrecision.FLOAT32, null);
    }

    /** A frozen base held in {@code precision} with {@code adapter} on it. */
    public static LlamaWeights adapted(WeightSource base, WeightPrecision precision, LoraAdapter adapter) {
        return new LlamaWeights(base, precision, Objects.requireNonNull(adapter, "adapter"));
    }
}
