package dev.sppo.checkpoint;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import dev.sppo.model.LoraConfig;
import dev.sppo.model.LoraTargets;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * PEFT's {@code adapter_config.json} for a LoRA adapter on a causal LM, read and written with PEFT's meaning.
 * Written as {@code LoraConfig.save_pretrained} writes it (keys sorted, two-space indent) with only keys that
 * every PEFT release since rsLoRA and DoRA (0.9) knows. Read: {@code r}, {@code lora_alpha}, {@code
 * target_modules} (a list, or a string: {@code all-linear} or a regular expression), {@code lora_dropout} and
 * {@code use_rslora}; options that would change the adapter's function in ways this engine does not compute
 * (DoRA, trained biases, per-module ranks, layer subsets, extra trained modules) are refused by name, and other
 * keys (PEFT adds new ones with every release) are ignored.
 */
final class AdapterConfigJson {

    static final String FILE_NAME = "adapter_config.json";
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().serializeNulls().create();

    private AdapterConfigJson() {}

    /** An adapter's settings and the base it was trained on ({@code base_model_name_or_path}, null if absent). */
    record Read(LoraConfig lora, String baseModel) {}

    static void write(Path dir, LoraConfig lora, String baseModel) throws IOException {
        Map<String, JsonElement> fields = new TreeMap<>();
        fields.put("alpha_pattern", new JsonObject());
        fields.put("base_model_name_or_path", baseModel == null ? JsonNull.INSTANCE : new JsonPrimitive(baseModel));
        fields.put("bias", new JsonPrimitive("none"));
        fields.put("fan_in_fan_out", new JsonPrimitive(false));
        fields.put("inference_mode", new JsonPrimitive(true));
        fields.put("init_lora_weights", new JsonPrimitive(true));
        fields.put("layers_pattern", JsonNull.INSTANCE);
        fields.put("layers_to_transform", JsonNull.INSTANCE);
        fields.put("lora_alpha", number(lora.alpha()));
        fields.put("lora_dropout", new JsonPrimitive(lora.dropout()));
        fields.put("modules_to_save", JsonNull.INSTANCE);
        fields.put("peft_type", new JsonPrimitive("LORA"));
        fields.put("r", new JsonPrimitive(lora.r()));
        fields.put("rank_pattern", new JsonObject());
        fields.put("revision", JsonNull.INSTANCE);
        fields.put("target_modules", targets(lora.targets()));
        fields.put("task_type", new JsonPrimitive("CAUSAL_LM"));
        fields.put("use_dora", new JsonPrimitive(false));
        fields.put("use_rslora", new JsonPrimitive(lora.useRslora()));
        JsonObject root = new JsonObject();
        fields.forEach(root::add);
        Files.writeString(dir.resolve(FILE_NAME), GSON.toJson(root));
    }

    static Read read(Path dir) throws IOException {
        Path file = dir.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            throw new MalformedCheckpointException(dir, "not a PEFT adapter directory: no " + FILE_NAME);
        }
        String json;
        try {
            json = Files.readString(file);
        } catch (MalformedInputException e) {
            throw new MalformedCheckpointException(file, "not valid UTF-8");
        }
        JsonObject root = HeaderJson.parseObject(json, file, "adapter config");
        String peftType = optionalString(root, "peft_type", file);
        if (peftType != null && !peftType.equals("LORA")) {
            throw new MalformedCheckpointException(file, "peft_type: only LORA adapters are supported, got " + peftType);
        }
        refuseIfSet(root, file);
        try {
            LoraConfig lora = new LoraConfig(integer(root, "r", file), number(root, "lora_alpha", file),
                    root.has("lora_dropout") ? number(root, "lora_dropout", file) : 0.0,
                    targets(root.get("target_modules"), file), flag(root, "use_rslora", file));
            return new Read(lora, optionalString(root, "base_model_name_or_path", file));
        } catch (IllegalArgumentException e) {
            throw new MalformedCheckpointException(file, e.getMessage());
        }
    }

    /** The options whose non-default values mean an adapter this engine would compute wrongly. */
    private static void refuseIfSet(JsonObject root, Path file) {
        refuse(root, file, "use_dora", new JsonPrimitive(false), "DoRA adapters are not supported");
        refuse(root, file, "fan_in_fan_out", new JsonPrimitive(false), "only nn.Linear layouts (false) are supported");
        refuse(root, file, "bias", new JsonPrimitive("none"), "trained biases are not supported, only \"none\"");
        refuse(root, file, "rank_pattern", new JsonObject(), "per-module ranks are not supported");
        refuse(root, file, "alpha_pattern", new JsonObject(), "per-module alphas are not supported");
        refuse(root, file, "layers_to_transform", JsonNull.INSTANCE, "adapters on a subset of layers are not supported");
        refuse(root, file, "modules_to_save", JsonNull.INSTANCE, "fully trained extra modules are not supported");
    }

    private static void refuse(JsonObject root, Path file, String key, JsonElement allowed, String why) {
        JsonElement value = root.get(key);
        boolean emptyList = value != null && value.isJsonArray() && value.getAsJsonArray().isEmpty();
        if (value != null && !value.isJsonNull() && !value.equals(allowed) && !emptyList) {
            throw new MalformedCheckpointException(file, key + ": " + why + ", got " + value);
        }
    }

    private static JsonElement targets(LoraTargets targets) {
        if (targets.pattern() != null) {
            return new JsonPrimitive(targets.pattern());
        }
        JsonArray names = new JsonArray();
        targets.names().forEach(names::add);
        return names;
    }

    private static LoraTargets targets(JsonElement value, Path file) {
        if (value == null || value.isJsonNull()) {
            throw new MalformedCheckpointException(file, "target_modules: required");
        }
        if (value.isJsonPrimitive() && value.getAsJsonPrimitive().isString()) {
            return LoraTargets.fromString(value.getAsString());
        }
        if (!value.isJsonArray()) {
            throw new MalformedCheckpointException(file, "target_modules: expected a list of names or a string, got "
                    + value);
        }
        List<String> names = new ArrayList<>();
        for (JsonElement name : value.getAsJsonArray()) {
            if (!name.isJsonPrimitive() || !name.getAsJsonPrimitive().isString()) {
                throw new MalformedCheckpointException(file, "target_modules: expected names, got " + name);
            }
            names.add(name.getAsString());
        }
        return LoraTargets.named(names);
    }

    /** A whole alpha as an integer, as PEFT writes {@code lora_alpha: int}. */
    private static JsonPrimitive number(double value) {
        return value == Math.rint(value) ? new JsonPrimitive((long) value) : new JsonPrimitive(value);
    }

    private static double number(JsonObject root, String key, Path file) {
        JsonElement value = root.get(key);
        if (value == null || !value.isJsonPrimitive() || !value.getAsJsonPrimitive().isNumber()) {
            throw new MalformedCheckpointException(file, key + ": expected a number, got " + value);
        }
        return value.getAsDouble();
    }

    private static int integer(JsonObject root, String key, Path file) {
        double value = number(root, key, file);
        if (value != Math.rint(value) || Math.abs(value) > Integer.MAX_VALUE) {
            throw new MalformedCheckpointException(file, key + ": expected a whole number, got " + value);
        }
        return (int) value;
    }

    private static boolean flag(JsonObject root, String key, Path file) {
        JsonElement value = root.get(key);
        if (value == null || value.isJsonNull()) {
            return false;
        }
        if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isBoolean()) {
            throw new MalformedCheckpointException(file, key + ": expected true or false, got " + value);
        }
        return value.getAsBoolean();
    }

    private static String optionalString(JsonObject root, String key, Path file) {
        JsonElement value = root.get(key);
        if (value == null || value.isJsonNull()) {
            return null;
        }
        if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isString()) {
            throw new MalformedCheckpointException(file, key + ": expected a string, got " + value);
        }
        return value.getAsString();
    }
}
