package dev.sppo.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import dev.sppo.kernels.DecodeInputs;
import dev.sppo.kernels.Decoder;
import dev.sppo.kernels.TorchKernels;

import java.util.ArrayList;
import java.util.List;

/**
 * The decode steps of one batch as one TorchScript call each ({@link TorchKernels#decoder}) instead of the eager
 * path's per-operation calls: the same operations but PyTorch's fused attention kernel, so the same logits up to
 * float rounding. Only for the plain LLaMA layout ({@link #supports}): float32 weights, no adapter, no biases, no
 * per-head norms, no sliding window.
 *
 * <p>Opened once the prompts have filled the cache: the rotary tables of every column are computed then, and they,
 * the bias, the weights and the cache's buffers are handed to the engine once for all the batch's steps.
 */
public final class CompiledDecoding implements AutoCloseable {

    private final KvCache cache;
    private final RotaryAngles angles;
    private final Decoder decoder;

    /**
     * @param model a model that {@link #supports} allows
     * @param positions (B, capacity) int64 position of every column of every row
     * @param bias (B, 1, 1, capacity) additive attention bias of a decode step over every column ({@link
     *     AttentionMask#padded} with one query at the last column)
     * @param cache filled by a prefill through {@link Llama#forward(NDArray, NDArray, NDArray, KvCache)}, with room
     *     for {@code capacity} columns
     * @throws IllegalArgumentException when the model is not one that {@link #supports}
     */
    public CompiledDecoding(Llama model, NDArray positions, NDArray bias, KvCache cache) {
        if (!supports(model)) {
            throw new IllegalArgumentException("model: compiled decoding needs float32 weights without adapter, "
                    + "biases, per-head norms or sliding window");
        }
        LlamaConfig c = model.config();
        this.cache = cache;
        this.angles = model.angles(positions);
        NDScope.unregister(angles.cos(), angles.sinSigned(), angles.queryCos(), angles.querySinSigned());
        this.decoder = TorchKernels.decoder(new DecodeInputs(angles.cos(), angles.sinSigned(), angles.queryCos(),
                angles.querySinSigned(), bias, weights(model), cache.keyBuffers(), cache.valueBuffers(),
                c.numAttentionHeads(), c.numKeyValueHeads(), c.rmsNormEps()));
    }

    /** Whether decode steps of {@code model} can be compiled. */
    public static boolean supports(Llama model) {
        LlamaConfig c = model.config();
        return model.adapter().isEmpty() && model.basePrecision() == WeightPrecision.FLOAT32 && !c.qkvBias()
                && !c.outputBias() && !c.mlpBias() && !c.queryKeyNorm() && c.slidingWindow() == null;
    }

    /**
     * Logits of one new column per row, whose keys and values extend the cache.
     *
     * @param ids (B, 1) int64 token ids of the new column
     * @return (B, V) float32 logits
     */
    public NDArray step(NDArray ids) {
        return decoder.step(ids, cache.reserveColumn());
    }

    /** Frees the engine's hold on the shared inputs and the rotary tables; the cache stays the caller's. */
    @Override
    public void close() {
        decoder.close();
        angles.cos().close();
        angles.sinSigned().close();
        angles.queryCos().close();
        angles.querySinSigned().close();
    }

    private static List<NDArray> weights(Llama model) {
        LlamaConfig c = model.config();
        List<NDArray> weights = new ArrayList<>();
        weights.add(model.weight(LlamaLayout.EMBED));
        for (int layer = 0; layer < c.numHiddenLayers(); layer++) {
            String p = LlamaLayout.layerPrefix(layer);
            for (String name : List.of("input_layernorm", "self_attn.q_proj", "self_attn.k_proj", "self_attn.v_proj",
                    "self_attn.o_proj", "post_attention_layernorm", "mlp.gate_proj", "mlp.up_proj", "mlp.down_proj")) {
                weights.add(model.weight(p + name + ".weight"));
            }
        }
        weights.add(model.weight(LlamaLayout.FINAL_NORM));
        weights.add(model.weight(c.tieWordEmbeddings() ? LlamaLayout.EMBED : LlamaLayout.LM_HEAD));
        return weights;
    }
}
