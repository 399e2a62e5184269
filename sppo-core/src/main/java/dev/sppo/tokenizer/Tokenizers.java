package dev.sppo.tokenizer;

import java.nio.file.Files;
import java.nio.file.Path;

/** Loads the tokenizer of a model directory, whichever kind it is. */
public final class Tokenizers {

    private Tokenizers() {}

    /**
     * Picks the tokenizer by the directory's files:
     *
     * <ol>
     *   <li>{@code tokenizer_config.json} with {@code "tokenizer_class": "SppoCharTokenizer"}: a {@link CharTokenizer};
     *   <li>otherwise {@code tokenizer.json}: an {@link HfTokenizer};
     *   <li>otherwise an error naming the directory and the expected files.
     * </ol>
     *
     * @param modelDir a model directory
     * @return its tokenizer; close it when done
     * @throws IllegalArgumentException if the directory does not exist or holds no tokenizer
     * @throws MalformedTokenizerException if a tokenizer file is truncated or malformed
     */
    public static TextTokenizer load(Path modelDir) {
        if (!Files.isDirectory(modelDir)) {
            throw new IllegalArgumentException(
                    "Tokenizer directory " + modelDir + " does not exist or is not a directory");
        }
        TokenizerConfig config = TokenizerConfig.readIfPresent(modelDir);
        if (CharTokenizer.TOKENIZER_CLASS.equals(config.tokenizerClass())) {
            return CharTokenizer.load(modelDir);
        }
        if (Files.isRegularFile(modelDir.resolve(TokenizerVocabulary.FILE_NAME))) {
            return HfTokenizer.load(modelDir, config);
        }
        throw new IllegalArgumentException("No tokenizer in " + modelDir + ": expected " + TokenizerVocabulary.FILE_NAME
                + " (Hugging Face format), optionally with " + TokenizerConfig.FILE_NAME
                + " (special tokens, add_bos_token; tokenizer_class " + CharTokenizer.TOKENIZER_CLASS
                + " for the built-in character tokenizer)");
    }
}
