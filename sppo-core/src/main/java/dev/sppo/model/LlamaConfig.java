package dev.sppo.model;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The architecture of a LLaMA-family decoder, read from and written to a Hugging Face {@code
 * config.json}: {@code LlamaForCausalLM}'s fields, and those of the other {@link ModelFamily families}. Code that
 * makes one names its fields through {@link #builder()}.
 *
 * @param vocabSize {@code vocab_size}
 * @param hiddenSize {@code hidden_size}, the model width D
 * @param intermediateSize {@code intermediate_size}, the SwiGLU width
 * @param numHiddenLayers {@code num_hidden_layers}
 * @param numAttentionHeads {@code num_attention_heads}, H
 * @param numKeyValueHeads {@code num_key_value_heads}, H_kv (grouped-query attention when below H)
 * @param headDim {@code head_dim}, defaults to D / H
 * @param maxPositionEmbeddings {@code max_position_embeddings}
 * @param rmsNormEps {@code rms_norm_eps}
 * @param ropeTheta {@code rope_theta}
 * @param ropeScaling {@code rope_scaling}, or null
 * @param tieWordEmbeddings {@code tie_word_embeddings}: the output head reuses the embedding
 * @param attentionBias {@code attention_bias} (llama, qwen3): q/k/v/o projections carry a bias (qwen2's q/k/v
 *     always do, see {@link #qkvBias()})
 * @param mlpBias {@code mlp_bias} (llama): gate/up/down projections carry a bias
 * @param bosTokenId {@code bos_token_id}, -1 if none
 * @param eosTokenIds {@code eos_token_id} (an int or a list in HF files)
 * @param initializerRange {@code initializer_range}, the std of random initialisation
 * @param family {@code model_type}: which family's differences from LLaMA apply
 * @param slidingWindow {@code sliding_window} (mistral): query i sees key j only when i - W &lt; j ≤ i; null for
 *     full causal attention
 */
public record LlamaConfig(
        int vocabSize,
        int hiddenSize,
        int intermediateSize,
        int numHiddenLayers,
        int numAttentionHeads,
        int numKeyValueHeads,
        int headDim,
        int maxPositionEmbeddings,
        double rmsNormEps,
        double ropeTheta,
        RopeScaling ropeScaling,
        boolean tieWordEmbeddings,
        boolean attentionBias,
        boolean mlpBias,
        int bosTokenId,
        List<Integer> eosTokenIds,
        double initializerRange,
        ModelFamily family,
        Integer slidingWindow) {

    public static final String FILE_NAME = "config.json";
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().serializeNulls().create();

    public LlamaConfig {
        positive("vocab_size", vocabSize);
        positive("hidden_size", hiddenSize);
        positive("intermediate_size", intermediateSize);
        positive("num_hidden_layers", numHiddenLayers);
        positive("num_attention_heads", numAttentionHeads);
        positive("num_key_value_heads", numKeyValueHeads);
        positive("head_dim", headDim);
        positive("max_position_embeddings", maxPositionEmbeddings);
        if (numAttentionHeads % numKeyValueHeads != 0) {
            throw new InvalidModelConfigException(
                    "num_attention_heads (" + numAttentionHeads + ") must be a multiple of num_key_value_heads ("
                            + numKeyValueHeads + ")");
        }
        if (headDim % 2 != 0) {
            throw new InvalidModelConfigException("head_dim must be even for rotary embeddings, got " + headDim);
        }
        if (!(rmsNormEps > 0)) {
            throw new InvalidModelConfigException("rms_norm_eps must be > 0, got " + rmsNormEps);
        }
        if (!(ropeTheta > 0)) {
            throw new InvalidModelConfigException("rope_theta must be > 0, got " + ropeTheta);
        }
        checkFamily(family, attentionBias, mlpBias, slidingWindow);
        eosTokenIds = List.copyOf(eosTokenIds);
        for (int id : eosTokenIds) {
            if (id < 0 || id >= vocabSize) {
                throw new InvalidModelConfigException(
                        "eos_token_id " + id + " is outside the vocabulary [0, " + vocabSize + ")");
            }
        }
    }

    /** A builder with the defaults of the engine's own small models; see {@link LlamaConfigBuilder}. */
    public static LlamaConfigBuilder builder() {
        return new LlamaConfigBuilder();
    }

    /** A builder holding this config's fields, to change some of them. */
    public LlamaConfigBuilder toBuilder() {
        return new LlamaConfigBuilder(this);
    }

    /** LLaMA's SwiGLU width: 2/3 of 4D, rounded up to a multiple of 64. */
    public static int swiGluWidth(int hiddenSize) {
        int raw = 8 * hiddenSize / 3;
        return (raw + 63) / 64 * 64;
    }

    public int kvGroups() {
        return numAttentionHeads / numKeyValueHeads;
    }

    public int eosTokenId() {
        return eosTokenIds.isEmpty() ? -1 : eosTokenIds.get(0);
    }

    /** Whether the q, k and v projections carry a bias: {@code attention_bias}, and always in qwen2. */
    public boolean qkvBias() {
        return family.qkvBias(attentionBias);
    }

    /** Whether the o projection carries a bias: {@code attention_bias}. */
    public boolean outputBias() {
        return attentionBias;
    }

    /** Whether each query and key head is RMS-normalised over {@code head_dim} before RoPE (qwen3). */
    public boolean queryKeyNorm() {
        return family.normalisesQueryKeyHeads();
    }

    /**
     * Reads {@code dir/config.json}, refusing malformed files and unsupported {@code model_type}s with a message
     * naming the field.
     */
    public static LlamaConfig read(Path dir) throws IOException {
        return readFile(dir.resolve(FILE_NAME));
    }

    /** Reads a Hugging Face {@code config.json} stored under any name, as {@link #read(Path)} does. */
    public static LlamaConfig readFile(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new InvalidModelConfigException(file + ": no such file");
        }
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (MalformedInputException e) {
            throw new InvalidModelConfigException(file + ": not valid UTF-8");
        }
        try {
            JsonElement root = JsonParser.parseString(text);
            if (!root.isJsonObject()) {
                throw new InvalidModelConfigException("expected a JSON object");
            }
            return ConfigJson.fromJson(root.getAsJsonObject());
        } catch (JsonParseException | IllegalStateException | NumberFormatException e) {
            throw new InvalidModelConfigException(file + ": malformed JSON: " + e.getMessage());
        } catch (InvalidModelConfigException e) {
            throw new InvalidModelConfigException(file + ": " + e.getMessage());
        }
    }

    /** Writes {@code dir/config.json} in Hugging Face layout (null fields, such as mistral's disabled window, kept). */
    public void write(Path dir) throws IOException {
        write(dir, WeightPrecision.FLOAT32);
    }

    /** Writes {@code dir/config.json} for weights saved in {@code dtype}, which {@code torch_dtype} names. */
    public void write(Path dir, WeightPrecision dtype) throws IOException {
        Files.createDirectories(dir);
        JsonObject json = toJson();
        json.addProperty("torch_dtype", dtype.configName());
        Files.writeString(dir.resolve(FILE_NAME), GSON.toJson(json) + "\n", StandardCharsets.UTF_8);
    }

    /** The Hugging Face {@code config.json} object of this config, for files that add fields of their own. */
    public JsonObject toJson() {
        return ConfigJson.toJson(this);
    }

    /** This architecture with {@code tie_word_embeddings} set to {@code tied}; every other field unchanged. */
    public LlamaConfig withTiedEmbeddings(boolean tied) {
        return toBuilder().tieWordEmbeddings(tied).build();
    }

    /** This architecture with {@code vocab_size} set to {@code size}; every other field unchanged. */
    public LlamaConfig withVocabSize(int size) {
        return toBuilder().vocabSize(size).build();
    }

    private static void checkFamily(ModelFamily family, boolean attentionBias, boolean mlpBias, Integer window) {
        if (family == null) {
            throw new InvalidModelConfigException(
                    "model_type is required (supported: " + ModelFamily.supported() + ")");
        }
        if (attentionBias && !family.readsAttentionBias()) {
            throw new InvalidModelConfigException("model_type '" + family.modelType() + "' has no attention_bias");
        }
        if (mlpBias && !family.readsMlpBias()) {
            throw new InvalidModelConfigException("model_type '" + family.modelType() + "' has no mlp_bias");
        }
        if (window != null && !family.hasSlidingWindow()) {
            throw new InvalidModelConfigException("sliding_window is only supported for model_type 'mistral', not '"
                    + family.modelType() + "'");
        }
        if (window != null && window <= 0) {
            throw new InvalidModelConfigException("sliding_window must be > 0 or null, got " + window);
        }
    }

    private static void positive(String field, int value) {
        if (value <= 0) {
            throw new InvalidModelConfigException(field + " must be > 0, got " + value);
        }
    }
}
