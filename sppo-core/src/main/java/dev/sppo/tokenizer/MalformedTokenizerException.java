package dev.sppo.tokenizer;

import java.nio.file.Path;

/**
 * A tokenizer file ({@code tokenizer.json}, {@code tokenizer_config.json}, {@code special_tokens_map.json}, {@code
 * chat_template.jinja} or {@code generation_config.json}) that exists but cannot be used: truncated or invalid JSON,
 * a missing vocabulary, a field of the wrong type, or special tokens or ids that the vocabulary does not hold.
 */
public final class MalformedTokenizerException extends RuntimeException {

    private final Path file;

    /**
     * @param file the offending file
     * @param problem what is wrong with it, in words
     */
    public MalformedTokenizerException(Path file, String problem) {
        this(file, problem, null);
    }

    /**
     * @param file the offending file
     * @param problem what is wrong with it, in words
     * @param cause the parser's or the native library's exception, or null
     */
    public MalformedTokenizerException(Path file, String problem, Throwable cause) {
        super("Malformed tokenizer file " + file + ": " + problem, cause);
        this.file = file;
    }

    /** @return the offending file */
    public Path file() {
        return file;
    }
}
