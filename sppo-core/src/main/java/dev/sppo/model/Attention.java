package dev.sppo.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Parameter;
import dev.sppo.kernels.TorchKernels;

/**
 * Multi-head causal self-attention with rotary embeddings and grouped-query attention (HF {@code LlamaAttention}):
 *
 * <pre>
 *   q = x W_qᵀ, k = x W_kᵀ, v = x W_vᵀ            split into H (queries) and H_kv (keys, values) heads of size d
 *                                                  (+ b_q, b_k, b_v when the config's qkvBias)
 *   q, k ← RMSNorm_q(q), RMSNorm_k(k)              per head, over d: qwen3 only (q_norm, k_norm)
 *   q, k ← rot(q) / sqrt(d), rot(k)                rotary embeddings at each token's position (the scale
 *                                                  folded into the queries' tables, see RotaryAngles)
 *   A = softmax(q kᵀ + bias)                       bias: causal, padding and sliding-window mask,
 *                                                  added in place
 *   y = concat_heads(A v) W_oᵀ
 * </pre>
 *
 * Key/value head j serves the G = H / H_kv query heads j·G .. j·G+G-1 (HF {@code repeat_kv}); {@link
 * TorchKernels#attention} stacks each group's queries against its one key head instead of copying keys and values
 * G times.
 */
final class Attention {

    private Attention() {}

    static NDArray forward(DecoderLayer layer, NDArray x, RotaryAngles angles, NDArray bias, KvCache cache) {
        LlamaConfig c = layer.config();
        long batch = x.getShape().get(0);
        long time = x.getShape().get(1);
        NDArray q = heads(layer.qProj().apply(x), batch, time, c.numAttentionHeads(), layer.qNorm(), c);
        NDArray k = heads(layer.kProj().apply(x), batch, time, c.numKeyValueHeads(), layer.kNorm(), c);
        NDArray v = heads(layer.vProj().apply(x), batch, time, c.numKeyValueHeads(), null, c);
        q = angles.rotateQueries(q);
        k = angles.rotateKeys(k);
        if (cache != null) {
            NDList kv = cache.append(layer.index(), k, v);
            k = kv.get(0);
            v = kv.get(1);
        }
        NDArray out = TorchKernels.attention(q, k, v, bias);
        NDArray merged = out.transpose(0, 2, 1, 3).reshape(batch, time, (long) c.numAttentionHeads() * c.headDim());
        return layer.oProj().apply(merged);
    }

    /** (B, T, heads·d) to (B, heads, T, d), each head RMS-normalised by {@code norm}'s gain when there is one. */
    private static NDArray heads(NDArray projected, long batch, long time, int heads, Parameter norm, LlamaConfig c) {
        NDArray split = projected.reshape(batch, time, heads, c.headDim());
        if (norm != null) {
            split = RmsNorm.apply(split, Float32.of(norm), c.rmsNormEps());
        }
        return split.transpose(0, 2, 1, 3);
    }
}
