package dev.sppo.tokenizer;

import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What this package uses of a Hugging Face model directory's tokenizer configuration: {@code tokenizer_config.json}
 * with, as transformers reads them, {@code special_tokens_map.json} and {@code chat_template.jinja}.
 *
 * <p>{@code special_tokens_map.json} counts only where {@code tokenizer_config.json} has no {@code
 * added_tokens_decoder} (a configuration older than transformers 4.34, or none at all); then each token it names
 * replaces the configuration's, and its {@code additional_special_tokens} are appended. Newer configurations name
 * every special token themselves and the map is ignored, as transformers does.
 *
 * @param tokenizerClass {@code tokenizer_class}, or null
 * @param specialTokens the special tokens
 * @param specialTokensFile the file, in the model directory, that named the special tokens last
 * @param addBosToken {@code add_bos_token}: whether a prompt starts with the BOS token; null if not set
 * @param chatTemplates the chat templates, or null if the directory has none
 */
record TokenizerConfig(
        String tokenizerClass,
        SpecialTokens specialTokens,
        String specialTokensFile,
        Boolean addBosToken,
        ChatTemplateSource chatTemplates) {

    /** The file name inside a model directory. */
    static final String FILE_NAME = "tokenizer_config.json";

    /** The legacy file of special tokens. */
    static final String SPECIAL_TOKENS_MAP_FILE_NAME = "special_tokens_map.json";

    /**
     * A configuration written by this project rather than read.
     *
     * @param tokenizerClass {@code tokenizer_class}
     * @param specialTokens the special tokens
     * @param addBosToken {@code add_bos_token}
     */
    static TokenizerConfig of(String tokenizerClass, SpecialTokens specialTokens, Boolean addBosToken) {
        return new TokenizerConfig(tokenizerClass, specialTokens, FILE_NAME, addBosToken, null);
    }

    /**
     * @param dir a model directory
     * @return the directory's configuration; every field unset if it has none of the files
     * @throws MalformedTokenizerException if a file is not valid JSON or a used field has the wrong type
     */
    static TokenizerConfig readIfPresent(Path dir) {
        Optional<JsonFields> config = JsonFields.readIfPresent(dir.resolve(FILE_NAME));
        SpecialTokens tokens = config.map(SpecialTokens::read).orElse(SpecialTokens.NONE);
        String tokensFile = FILE_NAME;
        if (config.map(fields -> !fields.has("added_tokens_decoder")).orElse(true)) {
            Optional<JsonFields> map = JsonFields.readIfPresent(dir.resolve(SPECIAL_TOKENS_MAP_FILE_NAME));
            if (map.isPresent()) {
                tokens = tokens.overriddenBy(map.get());
                tokensFile = SPECIAL_TOKENS_MAP_FILE_NAME;
            }
        }
        return new TokenizerConfig(
                config.map(fields -> fields.string("tokenizer_class")).orElse(null),
                tokens,
                tokensFile,
                config.map(fields -> fields.bool("add_bos_token")).orElse(null),
                ChatTemplateSource.read(dir, config, tokens).orElse(null));
    }

    /** @return this configuration with {@code add_bos_token} set to {@code addBos} */
    TokenizerConfig withAddBosToken(boolean addBos) {
        return new TokenizerConfig(tokenizerClass, specialTokens, specialTokensFile, addBos, chatTemplates);
    }

    /**
     * Writes the class, the BOS, EOS, padding and unknown tokens and {@code add_bos_token}, those that are set, as
     * {@value #FILE_NAME} in {@code dir}.
     *
     * @throws java.io.UncheckedIOException if the file cannot be written
     */
    void write(Path dir) {
        JsonObject json = new JsonObject();
        json.addProperty("tokenizer_class", tokenizerClass);
        json.addProperty("bos_token", specialTokens.bos());
        json.addProperty("eos_token", specialTokens.eos());
        json.addProperty("pad_token", specialTokens.pad());
        json.addProperty("unk_token", specialTokens.unk());
        json.addProperty("add_bos_token", addBosToken);
        json.entrySet().removeIf(field -> field.getValue().isJsonNull());
        JsonFiles.write(dir.resolve(FILE_NAME), json);
    }
}
