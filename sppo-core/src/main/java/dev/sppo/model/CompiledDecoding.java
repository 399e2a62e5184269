package dev.sppo.model;

import ai.djl.ndarray.NDArray;
import dev.sppo.kernels.DecodeStepArgs;
import dev.sppo.kernels.TorchKernels;

import java.util.ArrayList;
import java.util.List;

/**
 * Decode steps of a model as one TorchScript call each ({@link TorchKernels#decodeStep}) instead of the eager path's
 * per-operation calls: the same operations, so the same logits up to float rounding. Only for the plain LLaMA
 * layout ({@link #supports}): float32 weights, no adapter, no biases, no per-head norms, no sliding window.
 */
public final class CompiledDecoding {

    private final Llama model;
    private final List<NDArray> weights = new ArrayList<>();

    /** @throws IllegalArgumentException when the model is not one that {@link #supports} */
    public CompiledDecoding(Llama model) {
        if (!supports(model)) {
            throw new IllegalArgumentException("model: compiled decoding needs float32 weights without adapter, "
                    + "biases, per-head norms or sliding window");
        }
        this.model = model;
        LlamaConfig c = model.config();
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
    }

    /** Whether decode steps of {@code model} can be compiled. */
    public static boolean supports(Llama model) {
        LlamaConfig c = model.config();
        return model.adapter().isEmpty() && model.basePrecision() == WeightPrecision.FLOAT32 && !c.qkvBias()
                && !c.outputBias() && !c.mlpBias() && !c.queryKeyNorm() && c.slidingWindow() == null;
    }

    /**
     * Logits of one new column per row, whose keys and values extend {@code cache} (filled by a prefill through
     * {@link Llama#forward(NDArray, NDArray, NDArray, KvCache)}); arguments as there, with T = 1.
     *
     * @return (B, V) float32 logits
     */
    public NDArray step(NDArray ids, NDArray positions, NDArray bias, KvCache cache) {
        LlamaConfig c = model.config();
        RotaryAngles angles = model.angles(positions);
        int column = cache.reserveColumn();
        return TorchKernels.decodeStep(new DecodeStepArgs(ids, angles.cos(), angles.sinSigned(), angles.queryCos(),
                angles.querySinSigned(), bias, column, weights, cache.keyBuffers(), cache.valueBuffers(),
                c.numAttentionHeads(), c.numKeyValueHeads(), c.rmsNormEps()));
    }
}
