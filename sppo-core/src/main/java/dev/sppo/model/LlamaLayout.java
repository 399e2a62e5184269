package dev.sppo.model;

import java.util.ArrayList;
import java.util.List;

/**
 * The Hugging Face tensor names and shapes of a {@code LlamaForCausalLM} checkpoint for a given config, in
 * checkpoint order; the other {@link ModelFamily families} differ only in which projections carry a bias and in
 * qwen3's {@code q_norm} / {@code k_norm}. Weights are stored {@code (out_features, in_features)} as in {@code
 * torch.nn.Linear}.
 */
public final class LlamaLayout {

    public static final String EMBED = "model.embed_tokens.weight";
    public static final String FINAL_NORM = "model.norm.weight";
    public static final String LM_HEAD = "lm_head.weight";
    /** Per layer (after {@link #layerPrefix}): qwen3's RMSNorm gain over each query head, of size head_dim. */
    static final String Q_NORM = "self_attn.q_norm.weight";
    /** Per layer (after {@link #layerPrefix}): qwen3's RMSNorm gain over each key head, of size head_dim. */
    static final String K_NORM = "self_attn.k_norm.weight";

    /** How a tensor starts in a freshly initialised model. */
    public enum Init {
        /** Normal(0, initializer_range), as HF {@code _init_weights}. */
        NORMAL,
        /** Norm gains start at 1. */
        ONES,
        /** Biases start at 0. */
        ZEROS
    }

    /** One tensor of the checkpoint: its name, shape, and initialisation. */
    public record TensorSpec(String name, long[] shape, Init init) {

        public long numel() {
            long n = 1;
            for (long dim : shape) {
                n *= dim;
            }
            return n;
        }
    }

    private LlamaLayout() {}

    static String layerPrefix(int layer) {
        return "model.layers." + layer + ".";
    }

    public static List<TensorSpec> tensors(LlamaConfig c) {
        long d = c.hiddenSize();
        long q = (long) c.numAttentionHeads() * c.headDim();
        long kv = (long) c.numKeyValueHeads() * c.headDim();
        long ff = c.intermediateSize();
        List<TensorSpec> specs = new ArrayList<>();
        specs.add(new TensorSpec(EMBED, new long[] {c.vocabSize(), d}, Init.NORMAL));
        for (int i = 0; i < c.numHiddenLayers(); i++) {
            String p = layerPrefix(i);
            specs.add(new TensorSpec(p + "input_layernorm.weight", new long[] {d}, Init.ONES));
            linear(specs, p + "self_attn.q_proj", q, d, c.qkvBias());
            linear(specs, p + "self_attn.k_proj", kv, d, c.qkvBias());
            linear(specs, p + "self_attn.v_proj", kv, d, c.qkvBias());
            linear(specs, p + "self_attn.o_proj", d, q, c.outputBias());
            if (c.queryKeyNorm()) {
                specs.add(new TensorSpec(p + Q_NORM, new long[] {c.headDim()}, Init.ONES));
                specs.add(new TensorSpec(p + K_NORM, new long[] {c.headDim()}, Init.ONES));
            }
            specs.add(new TensorSpec(p + "post_attention_layernorm.weight", new long[] {d}, Init.ONES));
            linear(specs, p + "mlp.gate_proj", ff, d, c.mlpBias());
            linear(specs, p + "mlp.up_proj", ff, d, c.mlpBias());
            linear(specs, p + "mlp.down_proj", d, ff, c.mlpBias());
        }
        specs.add(new TensorSpec(FINAL_NORM, new long[] {d}, Init.ONES));
        if (!c.tieWordEmbeddings()) {
            specs.add(new TensorSpec(LM_HEAD, new long[] {c.vocabSize(), d}, Init.NORMAL));
        }
        return specs;
    }

    private static void linear(List<TensorSpec> specs, String name, long out, long in, boolean bias) {
        specs.add(new TensorSpec(name + ".weight", new long[] {out, in}, Init.NORMAL));
        if (bias) {
            specs.add(new TensorSpec(name + ".bias", new long[] {out}, Init.ZEROS));
        }
    }
}
