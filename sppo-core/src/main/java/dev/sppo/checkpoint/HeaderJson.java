package dev.sppo.checkpoint;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Strict reading of the JSON found in safetensors headers and index files, with errors that name the file. */
final class HeaderJson {

    private static final Pattern LOCATION = Pattern.compile("line \\d+ column \\d+");

    private HeaderJson() {
    }

    /** Parses {@code json} as exactly one JSON object, refusing lenient syntax and trailing content. */
    static JsonObject parseObject(String json, Path file, String what) {
        JsonElement element;
        try (JsonReader reader = new JsonReader(new StringReader(json))) {
            reader.setStrictness(Strictness.STRICT);
            element = JsonParser.parseReader(reader);
            reader.peek(); // a strict reader fails here on anything but whitespace after the value
        } catch (JsonParseException | IOException | IllegalStateException e) {
            throw new MalformedCheckpointException(file, what + " is not valid JSON" + location(e));
        }
        if (!element.isJsonObject()) {
            throw new MalformedCheckpointException(file, what + " is not a JSON object");
        }
        return element.getAsJsonObject();
    }

    /** Where the parser stopped, as " (syntax error at line L column C)", or "" when it does not say. */
    private static String location(Exception parseFailure) {
        Matcher matcher = LOCATION.matcher(String.valueOf(parseFailure.getMessage()));
        return matcher.find() ? " (syntax error at " + matcher.group() + ")" : "";
    }

    /** The member {@code key} of {@code tensor}'s entry, which must be present. */
    static JsonElement required(JsonObject entry, String key, Path file, String tensor) {
        JsonElement value = entry.get(key);
        if (value == null || value.isJsonNull()) {
            throw new MalformedCheckpointException(file, tensor, "missing '" + key + "'");
        }
        return value;
    }

    static String string(JsonElement value, Path file, String tensor, String key) {
        if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isString()) {
            throw new MalformedCheckpointException(file, tensor, "'" + key + "' must be a string, got " + value);
        }
        return value.getAsString();
    }

    /** A JSON array of non-negative integers (no fractions, within long range). */
    static long[] naturals(JsonElement value, Path file, String tensor, String key) {
        if (!value.isJsonArray()) {
            throw new MalformedCheckpointException(file, tensor, "'" + key + "' must be an array, got " + value);
        }
        JsonArray array = value.getAsJsonArray();
        long[] numbers = new long[array.size()];
        for (int i = 0; i < numbers.length; i++) {
            numbers[i] = natural(array.get(i), file, tensor, key);
        }
        return numbers;
    }

    /** A JSON object whose values are all strings, in document order. */
    static Map<String, String> stringMap(JsonElement value, Path file, String key) {
        if (!value.isJsonObject()) {
            throw new MalformedCheckpointException(file, "'" + key + "' must be a JSON object, got " + value);
        }
        Map<String, String> map = new LinkedHashMap<>();
        for (Map.Entry<String, JsonElement> member : value.getAsJsonObject().entrySet()) {
            JsonElement v = member.getValue();
            if (!v.isJsonPrimitive() || !v.getAsJsonPrimitive().isString()) {
                throw new MalformedCheckpointException(file,
                        "'" + key + "' entry '" + member.getKey() + "' must be a string, got " + v);
            }
            map.put(member.getKey(), v.getAsString());
        }
        return map;
    }

    private static long natural(JsonElement element, Path file, String tensor, String key) {
        String problem = "'" + key + "' must hold non-negative integers, got " + element;
        if (!(element instanceof JsonPrimitive primitive) || !primitive.isNumber()) {
            throw new MalformedCheckpointException(file, tensor, problem);
        }
        long number;
        try {
            number = new BigDecimal(primitive.getAsString()).longValueExact();
        } catch (ArithmeticException | NumberFormatException e) {
            throw new MalformedCheckpointException(file, tensor, problem);
        }
        if (number < 0) {
            throw new MalformedCheckpointException(file, tensor, "'" + key + "' holds a negative value " + number);
        }
        return number;
    }
}
