package dev.sppo.tokenizer;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The fields of a Hugging Face {@code tokenizer_config.json} that this package uses. Every field is null when the
 * file does not set it.
 *
 * @param tokenizerClass {@code tokenizer_class}
 * @param bosToken {@code bos_token}, the beginning-of-sequence token's text
 * @param eosToken {@code eos_token}, the end-of-sequence token's text
 * @param padToken {@code pad_token}, the padding token's text
 * @param unkToken {@code unk_token}, the unknown token's text
 * @param addBosToken {@code add_bos_token}: whether a prompt starts with the BOS token
 */
record TokenizerConfig(
        String tokenizerClass,
        String bosToken,
        String eosToken,
        String padToken,
        String unkToken,
        Boolean addBosToken) {

    /** The file name inside a model directory. */
    static final String FILE_NAME = "tokenizer_config.json";

    /** A configuration that sets nothing, for directories without the file. */
    static final TokenizerConfig EMPTY = new TokenizerConfig(null, null, null, null, null, null);

    /**
     * @param dir a model directory
     * @return the directory's configuration, or {@link #EMPTY} if it has no {@value #FILE_NAME}
     * @throws MalformedTokenizerException if the file is not valid JSON or a used field has the wrong type
     */
    static TokenizerConfig readIfPresent(Path dir) {
        Path file = dir.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            return EMPTY;
        }
        JsonElement root = JsonFiles.read(file, JsonParser::parseReader);
        if (!root.isJsonObject()) {
            throw new MalformedTokenizerException(file, "the top level must be a JSON object");
        }
        FieldReader fields = new FieldReader(file, root.getAsJsonObject());
        return new TokenizerConfig(
                fields.string("tokenizer_class"),
                fields.token("bos_token"),
                fields.token("eos_token"),
                fields.token("pad_token"),
                fields.token("unk_token"),
                fields.bool("add_bos_token"));
    }

    /** @return this configuration with {@code add_bos_token} set to {@code addBos} */
    TokenizerConfig withAddBosToken(boolean addBos) {
        return new TokenizerConfig(tokenizerClass, bosToken, eosToken, padToken, unkToken, addBos);
    }

    /**
     * Writes the non-null fields as {@value #FILE_NAME} in {@code dir}.
     *
     * @throws java.io.UncheckedIOException if the file cannot be written
     */
    void write(Path dir) {
        JsonObject json = new JsonObject();
        json.addProperty("tokenizer_class", tokenizerClass);
        json.addProperty("bos_token", bosToken);
        json.addProperty("eos_token", eosToken);
        json.addProperty("pad_token", padToken);
        json.addProperty("unk_token", unkToken);
        json.addProperty("add_bos_token", addBosToken);
        json.entrySet().removeIf(field -> field.getValue().isJsonNull());
        JsonFiles.write(dir.resolve(FILE_NAME), json);
    }

    /** Typed access to the fields of the file's top-level object. */
    private record FieldReader(Path file, JsonObject json) {

        /** A special token is written either as its text or as an AddedToken object with a "content" field. */
        String token(String name) {
            JsonElement value = json.get(name);
            if (value != null && value.isJsonObject()) {
                return stringValue(name + ".content", value.getAsJsonObject().get("content"));
            }
            return stringValue(name, value);
        }

        String string(String name) {
            return stringValue(name, json.get(name));
        }

        Boolean bool(String name) {
            JsonElement value = json.get(name);
            if (value == null || value.isJsonNull()) {
                return null;
            }
            if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isBoolean()) {
                throw new MalformedTokenizerException(file, name + " must be true or false, not " + value);
            }
            return value.getAsBoolean();
        }

        private String stringValue(String name, JsonElement value) {
            if (value == null || value.isJsonNull()) {
                return null;
            }
            if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isString()) {
                throw new MalformedTokenizerException(file, name + " must be a string, not " + value);
            }
            return value.getAsString();
        }
    }
}
