package dev.sppo.preference.learned;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.sppo.model.InvalidModelConfigException;
import dev.sppo.model.LlamaConfig;
import dev.sppo.model.LlamaLayout;

import java.util.List;

/**
 * The architecture of a {@link RewardModel}, as Hugging Face {@code LlamaForSequenceClassification} with one
 * label: {@code config.json} has {@code architectures: ["}{@value #ARCHITECTURE}{@code "]}, {@code num_labels: 1}
 * (or a one-entry {@code id2label}) and {@code pad_token_id}; the weights are the backbone's {@code model.*} and
 * {@value #SCORE_WEIGHT} (1, D), with no bias and no {@code lm_head}.
 *
 * @param llama the backbone fields as the file states them ({@code tie_word_embeddings} is kept for the round
 *     trip; no head reads the embedding)
 * @param padTokenId {@code pad_token_id}
 */
public record RewardModelConfig(LlamaConfig llama, int padTokenId) {

    public static final String ARCHITECTURE = "LlamaForSequenceClassification";
    public static final String SCORE_WEIGHT = "score.weight";
    static final List<String> HEAD_NAMES = List.of(SCORE_WEIGHT);

    public RewardModelConfig {
        if (padTokenId < 0 || padTokenId >= llama.vocabSize()) {
            throw new InvalidModelConfigException("pad_token_id " + padTokenId + " is outside the vocabulary [0, "
                    + llama.vocabSize() + ")");
        }
    }

    /** The backbone as built: tied, so that no {@code lm_head} tensor is expected or created. */
    public LlamaConfig backbone() {
        return llama.withTiedEmbeddings(true);
    }

    /** {@value #SCORE_WEIGHT}, (1, D), initialised like the backbone's matrices. */
    public List<LlamaLayout.TensorSpec> headSpecs() {
        return List.of(new LlamaLayout.TensorSpec(SCORE_WEIGHT, new long[] {1, llama.hiddenSize()},
                LlamaLayout.Init.NORMAL));
    }

    /** The {@code config.json} object, loadable by Hugging Face transformers. */
    public JsonObject toJson() {
        JsonObject json = llama.toJson();
        json.add("architectures", ConfigFields.stringArray(ARCHITECTURE));
        json.addProperty("num_labels", 1);
        JsonObject id2label = new JsonObject();
        id2label.addProperty("0", "LABEL_0");
        json.add("id2label", id2label);
        JsonObject label2id = new JsonObject();
        label2id.addProperty("LABEL_0", 0);
        json.add("label2id", label2id);
        json.addProperty("pad_token_id", padTokenId);
        return json;
    }

    /**
     * Reads the classification fields of a {@code config.json} object whose backbone fields gave {@code llama}.
     *
     * @param fallbackPad the pad id when the file has no {@code pad_token_id} (the tokenizer's)
     */
    static RewardModelConfig fromJson(JsonObject json, LlamaConfig llama, int fallbackPad) {
        ConfigFields.requireArchitecture(json, ARCHITECTURE);
        int labels = labelCount(json);
        if (labels != 1) {
            throw new InvalidModelConfigException("num_labels is " + labels
                    + ", a reward model has exactly one (a scalar score)");
        }
        boolean hasPad = json.has("pad_token_id") && !json.get("pad_token_id").isJsonNull();
        return new RewardModelConfig(llama, hasPad ? ConfigFields.requiredInt(json, "", "pad_token_id") : fallbackPad);
    }

    /** {@code num_labels}, else the size of {@code id2label}, else Hugging Face's default of 2. */
    private static int labelCount(JsonObject json) {
        if (json.has("num_labels")) {
            return ConfigFields.requiredInt(json, "", "num_labels");
        }
        JsonElement id2label = json.get("id2label");
        return id2label != null && id2label.isJsonObject() ? id2label.getAsJsonObject().size() : 2;
    }
}
