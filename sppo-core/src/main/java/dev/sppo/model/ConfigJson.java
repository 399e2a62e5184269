package dev.sppo.model;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

import java.util.ArrayList;
import java.util.List;

/**
 * Maps {@link LlamaConfig} to and from the Hugging Face {@code config.json} field names of each {@link
 * ModelFamily}: a field left out takes the default of the family's transformers config class. {@code rope_theta}
 * and {@code rope_scaling} are also read from transformers 5's {@code rope_parameters} when they are absent.
 */
final class ConfigJson {

    private static final int MISTRAL_DEFAULT_WINDOW = 4096;

    private ConfigJson() {}

    static LlamaConfig fromJson(JsonObject json) {
        ModelFamily family = family(json);
        int hidden = required(json, "hidden_size");
        int heads = required(json, "num_attention_heads");
        JsonObject ropeParameters = optObject(json, "rope_parameters");
        return LlamaConfig.builder()
                .vocabSize(required(json, "vocab_size"))
                .hiddenSize(hidden)
                .intermediateSize(required(json, "intermediate_size"))
                .numHiddenLayers(required(json, "num_hidden_layers"))
                .numAttentionHeads(heads)
                .numKeyValueHeads(optInt(json, "num_key_value_heads", heads))
                .headDim(optInt(json, "head_dim", defaultHeadDim(family, hidden, heads)))
                .maxPositionEmbeddings(optInt(json, "max_position_embeddings", family.defaultMaxPositions()))
                .rmsNormEps(optDouble(json, "rms_norm_eps", 1e-6))
                .ropeTheta(optDouble(json, "rope_theta", optDouble(ropeParameters, "rope_theta", 10000.0)))
                .ropeScaling(ropeScaling(orElse(json.get("rope_scaling"), ropeParameters)))
                .tieWordEmbeddings(optBoolean(json, "tie_word_embeddings", false))
                .attentionBias(family.readsAttentionBias() && optBoolean(json, "attention_bias", false))
                .mlpBias(family.readsMlpBias() && optBoolean(json, "mlp_bias", false))
                .bosTokenId(optInt(json, "bos_token_id", -1))
                .eosTokenIds(idList(json.get("eos_token_id")))
                .initializerRange(optDouble(json, "initializer_range", 0.02))
                .family(family)
                .slidingWindow(slidingWindow(json, family))
                .build();
    }

    /**
     * The family {@code model_type} names; without one, the family whose causal-LM class {@code architectures}
     * names, else LLaMA. A {@code model_type} whose family's class differs from a causal-LM class that {@code
     * architectures} names is refused (head classes such as {@code LlamaForSequenceClassification} are not checked).
     */
    private static ModelFamily family(JsonObject json) {
        List<ModelFamily> named = new ArrayList<>();
        JsonElement architectures = json.get("architectures");
        if (architectures != null && architectures.isJsonArray()) {
            for (JsonElement e : architectures.getAsJsonArray()) {
                if (e.isJsonPrimitive()) {
                    ModelFamily.ofArchitecture(e.getAsString()).ifPresent(named::add);
                }
            }
        }
        String modelType = optString(json, "model_type", null);
        if (modelType == null) {
            return named.isEmpty() ? ModelFamily.LLAMA : named.get(0);
        }
        ModelFamily family = ModelFamily.ofModelType(modelType);
        for (ModelFamily other : named) {
            if (other != family) {
                throw new InvalidModelConfigException("model_type '" + modelType + "' contradicts architectures "
                        + architectures + " (" + family.modelType() + " models are " + family.architecture() + ")");
            }
        }
        return family;
    }

    /** Qwen3's config class defaults {@code head_dim} to 128; the others to D / H. */
    private static int defaultHeadDim(ModelFamily family, int hidden, int heads) {
        if (family == ModelFamily.QWEN3) {
            return 128;
        }
        return heads > 0 ? hidden / heads : 0;
    }

    /**
     * Mistral's {@code sliding_window} (its config class's default, 4096, when absent; null turns it off). Qwen's
     * window applies only under {@code use_sliding_window}, which is refused; LLaMA has none.
     */
    private static Integer slidingWindow(JsonObject json, ModelFamily family) {
        if (family.hasSlidingWindow()) {
            JsonElement window = json.get("sliding_window");
            if (window == null) {
                return MISTRAL_DEFAULT_WINDOW;
            }
            return window.isJsonNull() ? null : asInt("sliding_window", window);
        }
        if (family != ModelFamily.LLAMA && optBoolean(json, "use_sliding_window", false)) {
            throw new InvalidModelConfigException("use_sliding_window: true is not supported for model_type '"
                    + family.modelType() + "' (sliding-window attention from max_window_layers on); "
                    + "only mistral's sliding_window is");
        }
        return null;
    }

    static JsonObject toJson(LlamaConfig c) {
        JsonObject json = new JsonObject();
        ModelFamily family = c.family();
        json.add("architectures", arrayOf(List.of(family.architecture())));
        json.addProperty("model_type", family.modelType());
        json.addProperty("vocab_size", c.vocabSize());
        json.addProperty("hidden_size", c.hiddenSize());
        json.addProperty("intermediate_size", c.intermediateSize());
        json.addProperty("num_hidden_layers", c.numHiddenLayers());
        json.addProperty("num_attention_heads", c.numAttentionHeads());
        json.addProperty("num_key_value_heads", c.numKeyValueHeads());
        json.addProperty("head_dim", c.headDim());
        json.addProperty("max_position_embeddings", c.maxPositionEmbeddings());
        json.addProperty("rms_norm_eps", c.rmsNormEps());
        json.addProperty("rope_theta", c.ropeTheta());
        if (c.ropeScaling() != null) {
            json.add("rope_scaling", ropeScalingJson(c.ropeScaling()));
        }
        json.addProperty("tie_word_embeddings", c.tieWordEmbeddings());
        addFamilyFields(json, c);
        json.addProperty("hidden_act", "silu");
        if (c.bosTokenId() >= 0) {
            json.addProperty("bos_token_id", c.bosTokenId());
        }
        if (c.eosTokenIds().size() == 1) {
            json.addProperty("eos_token_id", c.eosTokenIds().get(0));
        } else if (!c.eosTokenIds().isEmpty()) {
            json.add("eos_token_id", arrayOf(c.eosTokenIds()));
        }
        json.addProperty("initializer_range", c.initializerRange());
        json.addProperty("torch_dtype", "float32");
        return json;
    }

    private static JsonObject ropeScalingJson(RopeScaling s) {
        JsonObject scaling = new JsonObject();
        scaling.addProperty("rope_type", s.type());
        scaling.addProperty("factor", s.factor());
        if ("llama3".equals(s.type())) {
            scaling.addProperty("low_freq_factor", s.lowFreqFactor());
            scaling.addProperty("high_freq_factor", s.highFreqFactor());
            scaling.addProperty("original_max_position_embeddings", s.originalMaxPositionEmbeddings());
        }
        return scaling;
    }

    /** The fields only some families write: biases, and the sliding window (or Qwen's switch that keeps it off). */
    private static void addFamilyFields(JsonObject json, LlamaConfig c) {
        ModelFamily family = c.family();
        if (family.readsAttentionBias()) {
            json.addProperty("attention_bias", c.attentionBias());
        }
        if (family.readsMlpBias()) {
            json.addProperty("mlp_bias", c.mlpBias());
        }
        if (family.hasSlidingWindow()) {
            json.add("sliding_window", c.slidingWindow() == null ? JsonNull.INSTANCE
                    : new JsonPrimitive(c.slidingWindow()));
        } else if (family != ModelFamily.LLAMA) {
            json.addProperty("use_sliding_window", false);
        }
    }

    /** {@code eos_token_id}: one id or a list of them; none when absent or null. */
    private static List<Integer> idList(JsonElement element) {
        List<Integer> ids = new ArrayList<>();
        if (element == null || element.isJsonNull()) {
            return ids;
        }
        if (element.isJsonArray()) {
            element.getAsJsonArray().forEach(e -> ids.add(e.getAsInt()));
        } else {
            ids.add(element.getAsInt());
        }
        return ids;
    }

    private static RopeScaling ropeScaling(JsonElement element) {
        if (element == null || element.isJsonNull()) {
            return null;
        }
        JsonObject s = element.getAsJsonObject();
        String type = optString(s, "rope_type", optString(s, "type", "default"));
        if ("default".equals(type)) {
            return null;
        }
        return new RopeScaling(type, optDouble(s, "factor", 1.0), optDouble(s, "low_freq_factor", 1.0),
                optDouble(s, "high_freq_factor", 4.0), optInt(s, "original_max_position_embeddings", 0));
    }

    private static int required(JsonObject json, String field) {
        JsonElement e = json.get(field);
        if (e == null || e.isJsonNull()) {
            throw new InvalidModelConfigException("missing required field '" + field + "'");
        }
        return asInt(field, e);
    }

    private static int optInt(JsonObject json, String field, int fallback) {
        JsonElement e = json.get(field);
        return e == null || e.isJsonNull() ? fallback : asInt(field, e);
    }

    private static int asInt(String field, JsonElement e) {
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) {
            throw new InvalidModelConfigException("field '" + field + "' must be a number, got " + e);
        }
        return e.getAsInt();
    }

    private static double optDouble(JsonObject json, String field, double fallback) {
        JsonElement e = json == null ? null : json.get(field);
        if (e == null || e.isJsonNull()) {
            return fallback;
        }
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) {
            throw new InvalidModelConfigException("field '" + field + "' must be a number, got " + e);
        }
        return e.getAsDouble();
    }

    private static JsonElement orElse(JsonElement e, JsonElement fallback) {
        return e == null || e.isJsonNull() ? fallback : e;
    }

    private static JsonObject optObject(JsonObject json, String field) {
        JsonElement e = json.get(field);
        if (e == null || e.isJsonNull()) {
            return null;
        }
        if (!e.isJsonObject()) {
            throw new InvalidModelConfigException("field '" + field + "' must be an object, got " + e);
        }
        return e.getAsJsonObject();
    }

    private static boolean optBoolean(JsonObject json, String field, boolean fallback) {
        JsonElement e = json.get(field);
        return e == null || e.isJsonNull() ? fallback : e.getAsBoolean();
    }

    private static String optString(JsonObject json, String field, String fallback) {
        JsonElement e = json.get(field);
        return e == null || e.isJsonNull() ? fallback : e.getAsString();
    }

    private static JsonArray arrayOf(List<?> values) {
        JsonArray array = new JsonArray();
        for (Object v : values) {
            if (v instanceof Number n) {
                array.add(n);
            } else {
                array.add(String.valueOf(v));
            }
        }
        return array;
    }
}
