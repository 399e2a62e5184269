package dev.sppo.tokenizer;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The chat templates of a model directory as transformers finds them: the file {@value #JINJA_FILE_NAME} when the
 * directory has one (it takes priority), else {@code tokenizer_config.json}'s {@code chat_template}, either one
 * Jinja string or a list of {@code {"name": .., "template": ..}} objects.
 *
 * @param templates the Jinja source of each template by name, in file order; a single template is named
 *     {@value #DEFAULT_NAME}
 * @param file the file the templates were read from
 * @param specialTokens the tokenizer's special tokens, which a template sees as variables
 */
public record ChatTemplateSource(Map<String, String> templates, Path file, SpecialTokens specialTokens) {

    /** The name of the template used when a directory has several and none is asked for. */
    public static final String DEFAULT_NAME = "default";

    /** The file that holds the default template on its own, in newer model directories. */
    public static final String JINJA_FILE_NAME = "chat_template.jinja";

    public ChatTemplateSource {
        templates = Collections.unmodifiableMap(new LinkedHashMap<>(templates));
    }

    /**
     * @param dir the model directory
     * @param config its {@code tokenizer_config.json}, if it has one
     * @param specialTokens the tokenizer's special tokens
     * @return the directory's chat templates, or empty if it has none
     * @throws MalformedTokenizerException if {@code chat_template} has the wrong shape or the Jinja file is not
     *     UTF-8 text
     */
    static Optional<ChatTemplateSource> read(Path dir, Optional<JsonFields> config, SpecialTokens specialTokens) {
        Path jinja = dir.resolve(JINJA_FILE_NAME);
        if (Files.isRegularFile(jinja)) {
            return Optional.of(new ChatTemplateSource(Map.of(DEFAULT_NAME, readText(jinja)), jinja, specialTokens));
        }
        return config.filter(fields -> fields.get("chat_template") != null)
                .map(fields -> new ChatTemplateSource(named(fields), fields.file(), specialTokens));
    }

    private static Map<String, String> named(JsonFields fields) {
        JsonElement value = fields.get("chat_template");
        if (!value.isJsonArray()) {
            return Map.of(DEFAULT_NAME, fields.string("chat_template"));
        }
        Map<String, String> templates = new LinkedHashMap<>();
        for (int i = 0; i < value.getAsJsonArray().size(); i++) {
            JsonElement entry = value.getAsJsonArray().get(i);
            String where = "chat_template[" + i + "]";
            if (!entry.isJsonObject()) {
                throw new MalformedTokenizerException(fields.file(),
                        where + " must be an object with \"name\" and \"template\", not " + entry);
            }
            JsonObject named = entry.getAsJsonObject();
            Path file = fields.file();
            templates.put(string(named, "name", where, file), string(named, "template", where, file));
        }
        return templates;
    }

    private static String string(JsonObject entry, String member, String where, Path file) {
        JsonElement value = entry.get(member);
        if (value == null || !value.isJsonPrimitive() || !value.getAsJsonPrimitive().isString()) {
            throw new MalformedTokenizerException(file, where + "." + member + " must be a string, not " + value);
        }
        return value.getAsString();
    }

    private static String readText(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            throw new MalformedTokenizerException(file, "not UTF-8 text", e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read tokenizer file " + file, e);
        }
    }
}
