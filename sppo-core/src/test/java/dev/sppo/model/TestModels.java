package dev.sppo.model;

import java.util.List;
import java.util.SplittableRandom;

/** Small configurations that exercise every architectural option, and weights that leave none trivial. */
public final class TestModels {

    private TestModels() {}

    /** GQA (4 query heads, 2 kv heads), untied head, q/k/v/o and MLP biases, llama3 rope scaling. */
    public static LlamaConfig everyFeature() {
        return new LlamaConfig(40, 32, 48, 2, 4, 2, 8, 128, 1e-5, 500000.0,
                new RopeScaling("llama3", 8.0, 1.0, 4.0, 16), false, true, true, 1, List.of(2), 0.2);
    }

    /** A plain tiny model with tied embeddings. */
    public static LlamaConfig tiny() {
        return LlamaConfig.tiny(24, 32, 2, 4, 1, 2);
    }

    /** Mistral: GQA, untied head, no bias, a sliding window of {@code window} tokens (null: none). */
    public static LlamaConfig mistral(Integer window) {
        return new LlamaConfig(40, 32, 48, 2, 4, 2, 8, 128, 1e-5, 10000.0, null, false, false, false, 1, List.of(2),
                0.2, ModelFamily.MISTRAL, window);
    }

    /** Qwen2.5 in miniature: GQA, tied embeddings, q/k/v biases, rope theta 10⁶. */
    public static LlamaConfig qwen2() {
        return new LlamaConfig(40, 32, 48, 2, 4, 2, 8, 128, 1e-6, 1000000.0, null, true, false, false, 1, List.of(2),
                0.2, ModelFamily.QWEN2, null);
    }

    /**
     * Qwen3 with head_dim 16 where hidden / heads is 8 (q is 64 wide and o_proj maps 64 to 32), GQA, untied head,
     * linear rope scaling; q/k/v/o biases under {@code attentionBias}.
     */
    public static LlamaConfig qwen3(boolean attentionBias) {
        return new LlamaConfig(40, 32, 48, 2, 4, 2, 16, 128, 1e-6, 1000000.0,
                new RopeScaling("linear", 2.0, 1.0, 4.0, 0), false, attentionBias, false, 1, List.of(2), 0.2,
                ModelFamily.QWEN3, null);
    }

    /** One model of each family besides llama, with and without each family's options. */
    public static List<LlamaConfig> families() {
        return List.of(mistral(4), mistral(null), qwen2(), qwen3(false), qwen3(true));
    }

    /** {@code c} as a {@code llama} model with full causal attention; every other field the same. */
    public static LlamaConfig asLlama(LlamaConfig c) {
        return new LlamaConfig(c.vocabSize(), c.hiddenSize(), c.intermediateSize(), c.numHiddenLayers(),
                c.numAttentionHeads(), c.numKeyValueHeads(), c.headDim(), c.maxPositionEmbeddings(), c.rmsNormEps(),
                c.ropeTheta(), c.ropeScaling(), c.tieWordEmbeddings(), c.attentionBias(), c.mlpBias(), c.bosTokenId(),
                c.eosTokenIds(), c.initializerRange());
    }

    /**
     * Seeded weights in which no tensor is trivial, unlike a fresh model's: matrices ~ N(0, 0.2²), norm gains ~
     * 1 + N(0, 0.1²), biases ~ N(0, 0.1²).
     */
    public static WeightSource noisy(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        return spec -> {
            float[] values = new float[Math.toIntExact(spec.numel())];
            double std = spec.init() == LlamaLayout.Init.NORMAL ? 0.2 : 0.1;
            double mean = spec.init() == LlamaLayout.Init.ONES ? 1 : 0;
            for (int i = 0; i < values.length; i++) {
                values[i] = (float) (mean + rng.nextGaussian() * std);
            }
            return values;
        };
    }
}
