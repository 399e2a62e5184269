package dev.sppo.preference.data;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Preference pairs as JSON Lines, one {@code {"prompt": ..., "chosen": ..., "rejected": ...}} object per line (the
 * common format of UltraFeedback-style sets; other fields are ignored, blank lines skipped). Errors name the file,
 * the line and the field.
 */
public final class PreferencePairsJsonl {

    private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();
    private static final List<String> FIELDS = List.of("prompt", "chosen", "rejected");

    private PreferencePairsJsonl() {}

    /**
     * @throws IllegalArgumentException naming {@code file:line} and the field when a line is not such an object
     * @throws NoSuchFileException when {@code file} does not exist
     */
    public static List<PreferencePair> read(Path file) throws IOException {
        List<PreferencePair> pairs = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            int number = 0;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                number++;
                if (!line.isBlank()) {
                    pairs.add(parse(line, file + ":" + number));
                }
            }
        }
        if (pairs.isEmpty()) {
            throw new IllegalArgumentException(file + ": no preference pairs (expected one JSON object per line)");
        }
        return pairs;
    }

    /** Writes one object per line, replacing {@code file}. */
    public static void write(Path file, List<PreferencePair> pairs) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (PreferencePair pair : pairs) {
                JsonObject json = new JsonObject();
                json.addProperty("prompt", pair.prompt());
                json.addProperty("chosen", pair.chosen());
                json.addProperty("rejected", pair.rejected());
                out.write(GSON.toJson(json));
                out.newLine();
            }
        }
    }

    private static PreferencePair parse(String line, String where) {
        JsonElement element;
        try {
            element = JsonParser.parseString(line);
        } catch (JsonParseException e) {
            throw new IllegalArgumentException(where + ": not valid JSON (" + e.getMessage() + ")");
        }
        if (!element.isJsonObject()) {
            throw new IllegalArgumentException(where + ": expected a JSON object with fields " + FIELDS);
        }
        JsonObject json = element.getAsJsonObject();
        return new PreferencePair(text(json, "prompt", where), text(json, "chosen", where),
                text(json, "rejected", where));
    }

    private static String text(JsonObject json, String field, String where) {
        JsonElement value = json.get(field);
        if (value == null || value.isJsonNull()) {
            throw new IllegalArgumentException(where + ": missing field '" + field + "'");
        }
        if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isString()) {
            throw new IllegalArgumentException(where + ": field '" + field + "' must be a string, got " + value);
        }
        return value.getAsString();
    }
}
