package dev.sppo.bench;

import dev.sppo.model.LlamaConfig;
import dev.sppo.model.LlamaLayout;

/**
 * Floating-point operations of one training step (forward, backward), counted as multiply-adds × 2:
 *
 * <pre>
 *   F_step = 6 · N_matmul · B·T  +  12 · L · B · T² · H·d
 * </pre>
 *
 * <ul>
 *   <li>N_matmul ({@link #matmulWeights}): the entries of every 2-D weight that multiplies activations: q, k,
 *       v, o, gate, up and down of each layer and the output head. The embedding lookup is a gather, not a
 *       matmul; with tied embeddings the head reuses the embedding and counts once, as the head.
 *       Each weight entry costs 2 FLOPs per token forward and 4 backward (the gradient with respect to the
 *       input and to the weight): 6 in all.</li>
 *   <li>Attention: per layer L, per sequence B and per query head, q·kᵀ (T×d by d×T) and A·v (T×T by T×d)
 *       cost 2·T²·d each forward, so 4·T²·H·d forward and twice that backward: 12·T²·H·d. The full T×T
 *       product is counted, although the causal mask throws half of it away. H·d is the model width D for
 *       the usual configurations.</li>
 *   <li>Norms, softmax, rotary embeddings, SwiGLU gating, the loss and the optimizer are element-wise and
 *       not counted.</li>
 * </ul>
 */
public final class FlopCount {

    private FlopCount() {}

    /** N_matmul: the entries of every weight matrix applied to activations, the output head included once. */
    public static long matmulWeights(LlamaConfig config) {
        long weights = LlamaLayout.tensors(config).stream()
                .filter(spec -> spec.shape().length == 2 && !spec.name().equals(LlamaLayout.EMBED))
                .mapToLong(LlamaLayout.TensorSpec::numel)
                .sum();
        long tiedHead = config.tieWordEmbeddings() ? (long) config.vocabSize() * config.hiddenSize() : 0;
        return weights + tiedHead;
    }

    /** The matmul part, 6 · N_matmul · B·T. */
    public static long matmulFlops(LlamaConfig config, int batch, int length) {
        return 6L * matmulWeights(config) * batch * length;
    }

    /** The attention part, 12 · L · B · T² · H·d. */
    public static long attentionFlops(LlamaConfig config, int batch, int length) {
        long width = (long) config.numAttentionHeads() * config.headDim();
        return 12L * config.numHiddenLayers() * batch * length * length * width;
    }

    /** F_step for B = {@code batch} sequences of T = {@code length} tokens. */
    public static long trainingStep(LlamaConfig config, int batch, int length) {
        return matmulFlops(config, batch, length) + attentionFlops(config, batch, length);
    }

    /** The rate of {@code flops} FLOPs done in {@code millis} milliseconds, in GFLOP/s. */
    public static double gflopsPerSecond(double flops, double millis) {
        return flops / (millis * 1e6);
    }

    /** 2·N³, the FLOPs of one N×N by N×N matmul. */
    public static double squareMatmul(int size) {
        return 2.0 * size * size * size;
    }
}
