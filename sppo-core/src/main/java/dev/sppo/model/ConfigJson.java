package dev.sppo.model;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import java.util.List;

/** Maps {@link LlamaConfig} to and from the Hugging Face {@code config.json} field names. */
final class ConfigJson {

    private static final List<String> ARCHITECTURES = List.of("LlamaForCausalLM");

    private ConfigJson() {}

    static LlamaConfig fromJson(JsonObject json) {
        String modelType = optString(json, "model_type", "llama");
        if (!"llama".equals(modelType)) {
            throw new InvalidModelConfigException(
                    "model_type '" + modelType + "' is not a LLaMA-family model (expected 'llama')");
        }
        int hidden = required(json, "hidden_size");
        int heads = required(json, "num_attention_heads");
        return new LlamaConfig(
                required(json, "vocab_size"),
                hidden,
                required(json, "intermediate_size"),
                required(json, "num_hidden_layers"),
                heads,
                optInt(json, "num_key_value_heads", heads),
                optInt(json, "head_dim", heads > 0 ? hidden / heads : 0),
                optInt(json, "max_position_embeddings", 2048),
                optDouble(json, "rms_norm_eps", 1e-6),
                optDouble(json, "rope_theta", 10000.0),
                ropeScaling(json.get("rope_scaling")),
                optBoolean(json, "tie_word_embeddings", false),
                optBoolean(json, "attention_bias", false),
                optBoolean(json, "mlp_bias", false),
                optInt(json, "bos_token_id", -1),
                LlamaConfig.idList(json.get("eos_token_id")),
                optDouble(json, "initializer_range", 0.02));
    }

    static JsonObject toJson(LlamaConfig c) {
        JsonObject json = new JsonObject();
        json.add("architectures", arrayOf(ARCHITECTURES));
        json.addProperty("model_type", "llama");
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
            RopeScaling s = c.ropeScaling();
            JsonObject scaling = new JsonObject();
            scaling.addProperty("rope_type", s.type());
            scaling.addProperty("factor", s.factor());
            if ("llama3".equals(s.type())) {
                scaling.addProperty("low_freq_factor", s.lowFreqFactor());
                scaling.addProperty("high_freq_factor", s.highFreqFactor());
                scaling.addProperty("original_max_position_embeddings", s.originalMaxPositionEmbeddings());
            }
            json.add("rope_scaling", scaling);
        }
        json.addProperty("tie_word_embeddings", c.tieWordEmbeddings());
        json.addProperty("attention_bias", c.attentionBias());
        json.addProperty("mlp_bias", c.mlpBias());
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
        JsonElement e = json.get(field);
        if (e == null || e.isJsonNull()) {
            return fallback;
        }
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) {
            throw new InvalidModelConfigException("field '" + field + "' must be a number, got " + e);
        }
        return e.getAsDouble();
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
