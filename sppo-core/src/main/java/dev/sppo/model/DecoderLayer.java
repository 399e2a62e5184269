package dev.sppo.model;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Parameter;

import java.util.Map;
import java.util.function.Function;

/**
 * One pre-norm LLaMA decoder layer:
 *
 * <pre>
 *   h = x + Attention(RMSNorm_in(x))
 *   y = h + SwiGLU(RMSNorm_post(h))
 * </pre>
 *
 * Each residual sum is added in place to the block's fresh output, which no backward pass reads.
 */
final class DecoderLayer {

    private final LlamaConfig config;
    private final int index;
    private final Parameter inputNorm;
    private final Parameter postAttentionNorm;
    private final Projection qProj;
    private final Projection kProj;
    private final Projection vProj;
    private final Projection oProj;
    private final Parameter qNorm;
    private final Parameter kNorm;
    private final Projection gateProj;
    private final Projection upProj;
    private final Projection downProj;

    /**
     * @param parameters the model's parameters by checkpoint name
     * @param adapters the LoRA term of the projection at a module path, or null where none is attached
     */
    DecoderLayer(LlamaConfig config, int index, Map<String, Parameter> parameters,
            Function<String, LoraBranch> adapters) {
        this.config = config;
        this.index = index;
        Function<String, Parameter> p = name -> parameters.get(LlamaLayout.layerPrefix(index) + name);
        Function<String, LoraBranch> lora = name -> adapters.apply(LlamaLayout.layerPrefix(index) + name);
        this.inputNorm = p.apply("input_layernorm.weight");
        this.postAttentionNorm = p.apply("post_attention_layernorm.weight");
        this.qProj = projection(p, lora, "self_attn.q_proj", config.qkvBias());
        this.kProj = projection(p, lora, "self_attn.k_proj", config.qkvBias());
        this.vProj = projection(p, lora, "self_attn.v_proj", config.qkvBias());
        this.oProj = projection(p, lora, "self_attn.o_proj", config.outputBias());
        this.qNorm = config.queryKeyNorm() ? p.apply(LlamaLayout.Q_NORM) : null;
        this.kNorm = config.queryKeyNorm() ? p.apply(LlamaLayout.K_NORM) : null;
        this.gateProj = projection(p, lora, "mlp.gate_proj", config.mlpBias());
        this.upProj = projection(p, lora, "mlp.up_proj", config.mlpBias());
        this.downProj = projection(p, lora, "mlp.down_proj", config.mlpBias());
    }

    private static Projection projection(
            Function<String, Parameter> p, Function<String, LoraBranch> lora, String name, boolean bias) {
        return new Projection(p.apply(name + ".weight"), bias ? p.apply(name + ".bias") : null, lora.apply(name));
    }

    NDArray forward(NDArray x, RotaryAngles angles, NDArray bias, KvCache cache) {
        NDArray normed = RmsNorm.apply(x, Float32.of(inputNorm), config.rmsNormEps());
        NDArray h = Attention.forward(this, normed, angles, bias, cache).addi(x);
        NDArray normedH = RmsNorm.apply(h, Float32.of(postAttentionNorm), config.rmsNormEps());
        return SwiGluMlp.forward(this, normedH).addi(h);
    }

    LlamaConfig config() {
        return config;
    }

    int index() {
        return index;
    }

    Projection qProj() {
        return qProj;
    }

    Projection kProj() {
        return kProj;
    }

    Projection vProj() {
        return vProj;
    }

    Projection oProj() {
        return oProj;
    }

    /** The gain of the per-head query RMSNorm, or null when the family has none. */
    Parameter qNorm() {
        return qNorm;
    }

    /** The gain of the per-head key RMSNorm, or null when the family has none. */
    Parameter kNorm() {
        return kNorm;
    }

    Projection gateProj() {
        return gateProj;
    }

    Projection upProj() {
        return upProj;
    }

    Projection downProj() {
        return downProj;
    }
}
