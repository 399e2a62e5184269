package dev.sppo.tokenizer;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Typed access to the members of a JSON file's top-level object; a member that is absent or JSON null reads as
 * null (or an empty list), one of the wrong type is refused naming the file and the member.
 */
record JsonFields(Path file, JsonObject json) {

    /**
     * @param file a JSON file whose top level is an object
     * @return its fields, or empty if the file does not exist
     * @throws MalformedTokenizerException if the file is not strict JSON or its top level is not an object
     */
    static Optional<JsonFields> readIfPresent(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        JsonElement root = JsonFiles.read(file, JsonParser::parseReader);
        if (!root.isJsonObject()) {
            throw new MalformedTokenizerException(file, "the top level must be a JSON object");
        }
        return Optional.of(new JsonFields(file, root.getAsJsonObject()));
    }

    boolean has(String name) {
        return json.has(name);
    }

    JsonElement get(String name) {
        JsonElement value = json.get(name);
        return value == null || value.isJsonNull() ? null : value;
    }

    /** A special token is written either as its text or as an AddedToken object with a "content" member. */
    String token(String name) {
        return tokenText(name, get(name));
    }

    /** A list of special tokens, each as text or as an AddedToken object. */
    List<String> tokens(String name) {
        JsonElement value = get(name);
        if (value == null) {
            return List.of();
        }
        if (!value.isJsonArray()) {
            throw new MalformedTokenizerException(file, name + " must be a list of tokens, not " + value);
        }
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < value.getAsJsonArray().size(); i++) {
            tokens.add(tokenText(name + "[" + i + "]", value.getAsJsonArray().get(i)));
        }
        return tokens;
    }

    String string(String name) {
        return stringValue(name, get(name));
    }

    Boolean bool(String name) {
        return primitive(name, get(name), JsonPrimitive::isBoolean, "true or false", JsonPrimitive::getAsBoolean);
    }

    Double number(String name) {
        return primitive(name, get(name), JsonPrimitive::isNumber, "a number", JsonPrimitive::getAsDouble);
    }

    /** An integer of at least 0, such as a token id. */
    Integer nonNegativeInt(String name) {
        JsonElement value = get(name);
        return value == null ? null : nonNegativeValue(name, value);
    }

    /** One integer of at least 0 or a list of them, as {@code eos_token_id} may be. */
    List<Integer> nonNegativeInts(String name) {
        JsonElement value = get(name);
        if (value == null) {
            return List.of();
        }
        if (!value.isJsonArray()) {
            return List.of(nonNegativeValue(name, value));
        }
        List<Integer> ids = new ArrayList<>();
        for (int i = 0; i < value.getAsJsonArray().size(); i++) {
            ids.add(nonNegativeValue(name + "[" + i + "]", value.getAsJsonArray().get(i)));
        }
        return ids;
    }

    private Integer nonNegativeValue(String name, JsonElement value) {
        String problem = name + " must be an integer of at least 0, not " + value;
        if (!(value instanceof JsonPrimitive primitive) || !primitive.isNumber()) {
            throw new MalformedTokenizerException(file, problem);
        }
        try {
            int id = new BigDecimal(primitive.getAsString()).intValueExact();
            if (id < 0) {
                throw new MalformedTokenizerException(file, problem);
            }
            return id;
        } catch (ArithmeticException e) {
            throw new MalformedTokenizerException(file, problem, e);
        }
    }

    private String tokenText(String name, JsonElement value) {
        if (value != null && value.isJsonObject()) {
            JsonElement content = value.getAsJsonObject().get("content");
            return stringValue(name + ".content", content == null || content.isJsonNull() ? null : content);
        }
        return stringValue(name, value);
    }

    private String stringValue(String name, JsonElement value) {
        return primitive(name, value, JsonPrimitive::isString, "a string", JsonPrimitive::getAsString);
    }

    /** {@code value} read by {@code read} if it is a primitive of the {@code kind} {@code isKind} accepts. */
    private <T> T primitive(String name, JsonElement value, Predicate<JsonPrimitive> isKind, String kind,
            Function<JsonPrimitive, T> read) {
        if (value == null || value.isJsonNull()) {
            return null;
        }
        if (!(value instanceof JsonPrimitive primitive) || !isKind.test(primitive)) {
            throw new MalformedTokenizerException(file, name + " must be " + kind + ", not " + value);
        }
        return read.apply(primitive);
    }
}
