package dev.sppo.model;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The Hugging Face decoder families this engine runs: each is LLaMA's pre-norm SwiGLU transformer with RoPE and
 * grouped-query attention, plus what sets it apart (as in transformers' {@code modeling_*.py}):
 *
 * <ul>
 *   <li>{@code llama}: q/k/v/o carry a bias when {@code attention_bias}, the MLP when {@code mlp_bias}.
 *   <li>{@code mistral}: no projection bias; {@code sliding_window} W lets query i see key j only when
 *       {@code i - W < j ≤ i} (see {@link AttentionMask#slidingWindow}).
 *   <li>{@code qwen2}: q, k and v always carry a bias, o never.
 *   <li>{@code qwen3}: q/k/v/o carry a bias when {@code attention_bias}; each head of q and of k is RMS-normalised
 *       over {@code head_dim} ({@code q_norm}, {@code k_norm}) after projection and before RoPE.
 * </ul>
 */
public enum ModelFamily {
    LLAMA("llama", "LlamaForCausalLM", 2048),
    MISTRAL("mistral", "MistralForCausalLM", 4096 * 32),
    QWEN2("qwen2", "Qwen2ForCausalLM", 32768),
    QWEN3("qwen3", "Qwen3ForCausalLM", 32768);

    private final String modelType;
    private final String architecture;
    private final int defaultMaxPositions;

    ModelFamily(String modelType, String architecture, int defaultMaxPositions) {
        this.modelType = modelType;
        this.architecture = architecture;
        this.defaultMaxPositions = defaultMaxPositions;
    }

    /** {@code config.json}'s {@code model_type}. */
    public String modelType() {
        return modelType;
    }

    /** The causal-LM class that {@code config.json}'s {@code architectures} names. */
    public String architecture() {
        return architecture;
    }

    /** {@code max_position_embeddings} when config.json leaves it out (the family's config class default). */
    int defaultMaxPositions() {
        return defaultMaxPositions;
    }

    /** Whether config.json's {@code attention_bias} exists for this family (else projections have no such bias). */
    boolean readsAttentionBias() {
        return this == LLAMA || this == QWEN3;
    }

    /** Whether config.json's {@code mlp_bias} exists for this family (else the MLP has no bias). */
    boolean readsMlpBias() {
        return this == LLAMA;
    }

    /** Whether q, k and v carry a bias, given the config's {@code attention_bias}. */
    boolean qkvBias(boolean attentionBias) {
        return this == QWEN2 || attentionBias;
    }

    /** Whether each query and key head is RMS-normalised before RoPE. */
    boolean normalisesQueryKeyHeads() {
        return this == QWEN3;
    }

    /** Whether the family reads {@code sliding_window} as a window over every layer. */
    boolean hasSlidingWindow() {
        return this == MISTRAL;
    }

    /** The family whose {@code architecture()} is {@code name}, if any. */
    static Optional<ModelFamily> ofArchitecture(String name) {
        return Arrays.stream(values()).filter(f -> f.architecture.equals(name)).findFirst();
    }

    /**
     * The family of {@code model_type}.
     *
     * @throws InvalidModelConfigException naming the type and the supported ones
     */
    static ModelFamily ofModelType(String modelType) {
        return Arrays.stream(values()).filter(f -> f.modelType.equals(modelType)).findFirst()
                .orElseThrow(() -> new InvalidModelConfigException("model_type '" + modelType
                        + "' is not a LLaMA-family model this engine runs (supported: " + supported() + ")"));
    }

    /** The supported {@code model_type}s, comma-separated. */
    static String supported() {
        return Arrays.stream(values()).map(ModelFamily::modelType).collect(Collectors.joining(", "));
    }
}
