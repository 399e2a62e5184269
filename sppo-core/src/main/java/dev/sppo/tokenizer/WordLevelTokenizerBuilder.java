package dev.sppo.tokenizer;

import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Builds a word-level Hugging Face tokenizer from training sentences, for a policy pretrained here on a small
 * corpus: a {@code WordLevel} model over the words seen at least {@link WordLevelTokenizerConfig#minCount()} times,
 * the most frequent first (ties alphabetically, by UTF-16 code unit), at most {@link
 * WordLevelTokenizerConfig#maxVocab()} ids in all, after the special tokens {@code <unk>}, {@code <s>}, {@code </s>},
 * {@code <pad>} (ids 0 to 3). Text is lower-cased and cut at spaces and punctuation as {@link WordPieces} describes;
 * a word carries the space before it ({@code ▁word}), so decoding restores the normalised text with its spacing
 * ({@code "hello, world."}), not words joined by spaces.
 *
 * <p>{@link #write} writes the directory {@link HfTokenizer#load} reads: {@code tokenizer.json} (its post-processor
 * puts {@code <s>} first), {@code tokenizer_config.json} (the four special tokens, {@code add_bos_token: true}, no
 * chat template) and {@code generation_config.json} ({@code bos_token_id} 1, {@code eos_token_id} 2, {@code
 * pad_token_id} 3).
 */
public final class WordLevelTokenizerBuilder {

    /** The special tokens, by id. */
    public static final List<String> SPECIAL_TOKENS = List.of("<unk>", "<s>", "</s>", "<pad>");
    public static final int UNK_ID = 0;
    public static final int BOS_ID = 1;
    public static final int EOS_ID = 2;
    public static final int PAD_ID = 3;

    private static final String TOKENIZER_CLASS = "PreTrainedTokenizerFast";

    private final WordLevelTokenizerConfig config;

    public WordLevelTokenizerBuilder(WordLevelTokenizerConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    /** The tokens by id: the special tokens, then the kept words by falling count, ties alphabetically. */
    public List<String> vocabulary(List<String> sentences) {
        Map<String, Integer> counts = new HashMap<>();
        for (String sentence : sentences) {
            WordPieces.words(sentence).forEach(word -> counts.merge(word, 1, Integer::sum));
        }
        SPECIAL_TOKENS.forEach(counts::remove);
        List<String> tokens = new ArrayList<>(SPECIAL_TOKENS);
        counts.entrySet().stream()
                .filter(entry -> entry.getValue() >= config.minCount())
                .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(config.maxVocab() - SPECIAL_TOKENS.size())
                .forEach(entry -> tokens.add(entry.getKey()));
        return tokens;
    }

    /**
     * Writes the tokenizer of these sentences to {@code dir}, created if missing.
     *
     * @return its vocabulary, as {@link #vocabulary}
     * @throws UncheckedIOException if a file cannot be written
     */
    public List<String> write(List<String> sentences, Path dir) {
        List<String> vocabulary = vocabulary(sentences);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the tokenizer directory " + dir, e);
        }
        JsonFiles.write(dir.resolve(TokenizerVocabulary.FILE_NAME), describe(vocabulary));
        SpecialTokens tokens = new SpecialTokens(SPECIAL_TOKENS.get(BOS_ID), SPECIAL_TOKENS.get(EOS_ID),
                SPECIAL_TOKENS.get(UNK_ID), null, SPECIAL_TOKENS.get(PAD_ID), null, null, List.of());
        TokenizerConfig.of(TOKENIZER_CLASS, tokens, true).write(dir);
        JsonObject generation = new JsonObject();
        generation.addProperty("bos_token_id", BOS_ID);
        generation.addProperty("eos_token_id", EOS_ID);
        generation.addProperty("pad_token_id", PAD_ID);
        JsonFiles.write(dir.resolve(GenerationConfig.FILE_NAME), generation);
        return vocabulary;
    }

    private static JsonObject describe(List<String> vocabulary) {
        JsonObject json = new JsonObject();
        json.addProperty("version", "1.0");
        json.add("truncation", JsonNull.INSTANCE);
        json.add("padding", JsonNull.INSTANCE);
        json.add("added_tokens", TokenizerJsonParts.addedTokens(SPECIAL_TOKENS));
        json.add("normalizer", WordPieces.normalizer());
        json.add("pre_tokenizer", WordPieces.preTokenizer());
        json.add("post_processor", TokenizerJsonParts.bosFirst(SPECIAL_TOKENS.get(BOS_ID), BOS_ID));
        json.add("decoder", WordPieces.decoder());
        json.add("model", TokenizerJsonParts.wordLevel(vocabulary, SPECIAL_TOKENS.get(UNK_ID)));
        return json;
    }
}
