package dev.sppo.preference.learned;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.sppo.model.InvalidModelConfigException;
import dev.sppo.model.LlamaConfig;
import dev.sppo.model.LlamaLayout;
import dev.sppo.tokenizer.TextTokenizer;

import java.util.List;

/**
 * The architecture of a {@link PairwiseRanker}: a LLaMA backbone whose vocabulary is the tokenizer's plus two
 * marker tokens that open candidate A and candidate B, and a linear head {@value #HEAD_WEIGHT} (1, D) with bias
 * {@value #HEAD_BIAS} (1).
 *
 * <p>In {@code config.json} the backbone's Hugging Face fields sit at the top level, {@code architectures} is
 * {@code ["}{@value #ARCHITECTURE}{@code "]} and the markers are in a {@code "ranker"} section.
 *
 * @param backbone the transformer; tied embeddings
 * @param candidateAId the id of the [A] marker, at or above the tokenizer's vocabulary
 * @param candidateBId the id of the [B] marker, at or above the tokenizer's vocabulary
 */
public record RankerConfig(LlamaConfig backbone, int candidateAId, int candidateBId) {

    public static final String ARCHITECTURE = "SppoPairwiseRanker";
    public static final String HEAD_WEIGHT = "ranker.head.weight";
    public static final String HEAD_BIAS = "ranker.head.bias";
    /** The head tensors in checkpoint order. */
    public static final List<String> HEAD_NAMES = List.of(HEAD_WEIGHT, HEAD_BIAS);
    static final String SECTION = "ranker";

    public RankerConfig {
        marker("candidate_a_token_id", candidateAId, backbone.vocabSize());
        marker("candidate_b_token_id", candidateBId, backbone.vocabSize());
        if (candidateAId == candidateBId) {
            throw new InvalidModelConfigException("ranker.candidate_a_token_id and candidate_b_token_id must differ, "
                    + "both are " + candidateAId);
        }
    }

    /**
     * A tiny ranker for {@code tokenizer}: markers [A] = V and [B] = V + 1 for a tokenizer of V tokens, the backbone
     * otherwise as {@link LlamaConfig#builder()} makes it.
     */
    public static RankerConfig tiny(TextTokenizer tokenizer, int hiddenSize, int layers, int heads) {
        int v = tokenizer.vocabSize();
        LlamaConfig backbone = LlamaConfig.builder().vocabularyOf(tokenizer).vocabSize(v + 2).hiddenSize(hiddenSize)
                .numHiddenLayers(layers).numAttentionHeads(heads).build();
        return new RankerConfig(backbone, v, v + 1);
    }

    /** The head tensors: weight (1, D), initialised like the backbone's matrices, and bias (1), zero. */
    public List<LlamaLayout.TensorSpec> headSpecs() {
        return List.of(new LlamaLayout.TensorSpec(HEAD_WEIGHT, new long[] {1, backbone.hiddenSize()},
                        LlamaLayout.Init.NORMAL),
                new LlamaLayout.TensorSpec(HEAD_BIAS, new long[] {1}, LlamaLayout.Init.ZEROS));
    }

    /** The {@code config.json} object. */
    public JsonObject toJson() {
        JsonObject json = backbone.toJson();
        json.add("architectures", ConfigFields.stringArray(ARCHITECTURE));
        JsonObject section = new JsonObject();
        section.addProperty("candidate_a_token_id", candidateAId);
        section.addProperty("candidate_b_token_id", candidateBId);
        json.add(SECTION, section);
        return json;
    }

    /** Reads the ranker fields of a {@code config.json} object whose backbone fields gave {@code backbone}. */
    static RankerConfig fromJson(JsonObject json, LlamaConfig backbone) {
        ConfigFields.requireArchitecture(json, ARCHITECTURE);
        JsonElement section = json.get(SECTION);
        if (section == null || !section.isJsonObject()) {
            throw new InvalidModelConfigException("missing the '" + SECTION + "' section (candidate_a_token_id, "
                    + "candidate_b_token_id)");
        }
        JsonObject s = section.getAsJsonObject();
        return new RankerConfig(backbone, ConfigFields.requiredInt(s, SECTION, "candidate_a_token_id"),
                ConfigFields.requiredInt(s, SECTION, "candidate_b_token_id"));
    }

    private static void marker(String field, int id, int vocab) {
        if (id < 0 || id >= vocab) {
            throw new InvalidModelConfigException(SECTION + "." + field + " = " + id
                    + " is outside the vocabulary [0, " + vocab + ")");
        }
    }
}
