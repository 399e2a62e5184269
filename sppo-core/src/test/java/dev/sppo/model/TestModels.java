package dev.sppo.model;

import java.util.List;
import java.util.SplittableRandom;

/** Small configurations that exercise every architectural option, and weights that leave none trivial. */
public final class TestModels {

    private TestModels() {}

    /** GQA (4 query heads, 2 kv heads), untied head, q/k/v/o and MLP biases, llama3 rope scaling. */
    public static LlamaConfig everyFeature() {
        return shared().ropeTheta(500000.0).ropeScaling(new RopeScaling("llama3", 8.0, 1.0, 4.0, 16))
                .attentionBias(true).mlpBias(true).build();
    }

    /** A plain tiny model with tied embeddings. */
    public static LlamaConfig tiny() {
        return LlamaConfig.builder().vocabSize(24).hiddenSize(32).numHiddenLayers(2).numAttentionHeads(4)
                .bosTokenId(1).eosTokenIds(List.of(2)).build();
    }

    /** Mistral: GQA, untied head, no bias, a sliding window of {@code window} tokens (null: none). */
    public static LlamaConfig mistral(Integer window) {
        return shared().family(ModelFamily.MISTRAL).slidingWindow(window).build();
    }

    /** Qwen2.5 in miniature: GQA, tied embeddings, q/k/v biases, rope theta 10⁶. */
    public static LlamaConfig qwen2() {
        return shared().rmsNormEps(1e-6).ropeTheta(1000000.0).tieWordEmbeddings(true).family(ModelFamily.QWEN2)
                .build();
    }

    /**
     * Qwen3 with head_dim 16 where hidden / heads is 8 (q is 64 wide and o_proj maps 64 to 32), GQA, untied head,
     * linear rope scaling; q/k/v/o biases under {@code attentionBias}.
     */
    public static LlamaConfig qwen3(boolean attentionBias) {
        return shared().headDim(16).rmsNormEps(1e-6).ropeTheta(1000000.0)
                .ropeScaling(new RopeScaling("linear", 2.0, 1.0, 4.0, 0)).attentionBias(attentionBias)
                .family(ModelFamily.QWEN3).build();
    }

    /** One model of each family besides llama, with and without each family's options. */
    public static List<LlamaConfig> families() {
        return List.of(mistral(4), mistral(null), qwen2(), qwen3(false), qwen3(true));
    }

    /** {@code c} as a {@code llama} model with full causal attention; every other field the same. */
    public static LlamaConfig asLlama(LlamaConfig c) {
        return c.toBuilder().family(ModelFamily.LLAMA).slidingWindow(null).build();
    }

    /**
     * What the models above share unless they say otherwise: vocabulary 40, D 32, SwiGLU width 48, 2 layers, 4
     * query and 2 key/value heads of width 8, 128 positions, an untied head, BOS 1, EOS 2, initial std 0.2.
     */
    private static LlamaConfigBuilder shared() {
        return LlamaConfig.builder().vocabSize(40).hiddenSize(32).intermediateSize(48).numHiddenLayers(2)
                .numAttentionHeads(4).numKeyValueHeads(2).headDim(8).maxPositionEmbeddings(128)
                .tieWordEmbeddings(false).bosTokenId(1).eosTokenIds(List.of(2)).initializerRange(0.2);
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
