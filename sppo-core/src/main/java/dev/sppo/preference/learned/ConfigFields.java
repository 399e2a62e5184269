package dev.sppo.preference.learned;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import dev.sppo.model.InvalidModelConfigException;

/** Reads and writes the head fields that a task model adds to a {@code config.json}; errors name the field. */
public final class ConfigFields {

    private ConfigFields() {}

    /** {@code ["value"]}. */
    public static JsonArray stringArray(String value) {
        JsonArray array = new JsonArray();
        array.add(value);
        return array;
    }

    /** Refuses a config whose {@code architectures} list does not name {@code architecture}. */
    public static void requireArchitecture(JsonObject json, String architecture) {
        JsonElement found = json.get("architectures");
        boolean named = found != null && found.isJsonArray()
                && found.getAsJsonArray().contains(new JsonPrimitive(architecture));
        if (!named) {
            throw new InvalidModelConfigException("architectures is " + found + ", expected [\"" + architecture
                    + "\"]: this directory holds another kind of model");
        }
    }

    /** The whole number {@code section.field}. */
    public static int requiredInt(JsonObject json, String section, String field) {
        JsonElement e = json.get(field);
        String path = section.isEmpty() ? field : section + "." + field;
        if (e == null || e.isJsonNull()) {
            throw new InvalidModelConfigException("missing required field '" + path + "'");
        }
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()
                || e.getAsDouble() != Math.rint(e.getAsDouble())) {
            throw new InvalidModelConfigException("field '" + path + "' must be a whole number, got " + e);
        }
        return e.getAsInt();
    }
}
