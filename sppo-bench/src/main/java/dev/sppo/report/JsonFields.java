package dev.sppo.report;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import dev.sppo.evaluation.WinRate;

import java.io.IOException;
import java.io.StringReader;
import java.util.Set;

/**
 * Reads the members a report needs from a line of {@code metrics.jsonl} ({@link MetricsFile}). A missing or
 * null number is NaN (not measured), a missing or null object is null; anything of the wrong type is an
 * {@link IllegalArgumentException} naming the member. Gson writes non-finite doubles as the bare words
 * {@code NaN} and {@code Infinity}, so those are read as numbers.
 */
final class JsonFields {

    private static final Set<String> NON_FINITE = Set.of("NaN", "Infinity", "-Infinity");

    private JsonFields() {}

    /** The one JSON object in {@code text}, allowing Gson's bare {@code NaN}; nothing may follow it. */
    static JsonObject parseObject(String text) {
        JsonElement element;
        try (JsonReader reader = new JsonReader(new StringReader(text))) {
            reader.setStrictness(Strictness.LENIENT);
            element = JsonParser.parseReader(reader);
            if (reader.peek() != JsonToken.END_DOCUMENT) {
                throw new IllegalArgumentException("not valid JSON: more than one value");
            }
        } catch (JsonParseException | IOException e) {
            throw new IllegalArgumentException("not valid JSON: " + firstLine(e));
        }
        if (!element.isJsonObject()) {
            throw new IllegalArgumentException("expected a JSON object, got " + abbreviate(element.toString()));
        }
        return element.getAsJsonObject();
    }

    /** A required integer member. */
    static int integer(JsonObject object, String name) {
        JsonElement value = object.get(name);
        if (value == null || value.isJsonNull()) {
            throw new IllegalArgumentException("missing \"" + name + "\"");
        }
        double number = number(object, name);
        if (number != Math.rint(number) || Math.abs(number) > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("\"" + name + "\" must be an integer, got " + value);
        }
        return (int) number;
    }

    /** A number member; NaN when it is missing or null. */
    static double number(JsonObject object, String name) {
        JsonElement value = object.get(name);
        if (value == null || value.isJsonNull()) {
            return Double.NaN;
        }
        if (value instanceof JsonPrimitive primitive
                && (primitive.isNumber() || primitive.isString() && NON_FINITE.contains(primitive.getAsString()))) {
            return primitive.getAsDouble();
        }
        throw new IllegalArgumentException("\"" + name + "\" must be a number, got " + abbreviate(value.toString()));
    }

    /** An object member, or null when it is missing or null. */
    static JsonObject object(JsonObject object, String name) {
        JsonElement value = object.get(name);
        if (value == null || value.isJsonNull()) {
            return null;
        }
        if (!value.isJsonObject()) {
            throw new IllegalArgumentException("\"" + name + "\" must be an object, got "
                    + abbreviate(value.toString()));
        }
        return value.getAsJsonObject();
    }

    /** A required object member. */
    static JsonObject requiredObject(JsonObject object, String name) {
        JsonObject value = object(object, name);
        if (value == null) {
            throw new IllegalArgumentException("missing \"" + name + "\"");
        }
        return value;
    }

    /**
     * A win rate {@code {"rate":..,"lower":..,"upper":..,"wins":..,"ties":..,"losses":..}} (the shape Gson
     * gives {@link WinRate}), or null when the member is missing or null.
     */
    static WinRate winRate(JsonObject object, String name) {
        JsonObject w = object(object, name);
        if (w == null) {
            return null;
        }
        try {
            return new WinRate(finite(w, "rate"), finite(w, "lower"), finite(w, "upper"), integer(w, "wins"),
                    integer(w, "ties"), integer(w, "losses"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("\"" + name + "\": " + e.getMessage(), e);
        }
    }

    private static double finite(JsonObject object, String name) {
        if (!object.has(name)) {
            throw new IllegalArgumentException("missing \"" + name + "\"");
        }
        double value = number(object, name);
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("\"" + name + "\" must be a finite number, got " + object.get(name));
        }
        return value;
    }

    private static String firstLine(Exception e) {
        Throwable cause = e.getCause() != null && e.getCause().getMessage() != null ? e.getCause() : e;
        String first = String.valueOf(cause.getMessage()).lines().findFirst().orElse("").strip();
        return first.replaceFirst(" at line \\d+ column (\\d+) path \\S*", " at column $1");
    }

    private static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }
}
