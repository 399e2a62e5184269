package dev.sppo.tokenizer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The built-in character tokenizer of the built-in tasks: one token per character (Unicode code point).
 *
 * <p>Ids: 0 = {@code <pad>}, 1 = {@code <bos>}, 2 = {@code <eos>}, 3 = {@code <unk>}, then the alphabet's
 * characters in order, so the character at alphabet index {@code i} has id {@code 4 + i}. Characters outside the
 * alphabet encode to {@code <unk>}. Prompts start with {@code <bos>}.
 *
 * <p>{@link #save(Path)} writes a Hugging Face {@code tokenizer.json} (a WordLevel model over single characters)
 * that the Hugging Face tokenizers library encodes and decodes the same way, plus a {@code tokenizer_config.json}
 * whose {@code tokenizer_class} is {@value #TOKENIZER_CLASS}.
 */
public final class CharTokenizer implements TextTokenizer {

    /** The {@code tokenizer_class} that marks a saved character tokenizer. */
    public static final String TOKENIZER_CLASS = "SppoCharTokenizer";

    public static final int PAD_ID = 0;
    public static final int BOS_ID = 1;
    public static final int EOS_ID = 2;
    public static final int UNK_ID = 3;

    /** The special tokens' texts, indexed by id. */
    static final List<String> SPECIAL_TOKENS = List.of("<pad>", "<bos>", "<eos>", "<unk>");

    private final String alphabet;
    private final int[] codePoints;
    private final Map<Integer, Integer> idsByCodePoint = new HashMap<>();

    /**
     * @param alphabet the characters to tokenize, each at most once
     * @throws IllegalArgumentException if {@code alphabet} is empty or repeats a character
     */
    public CharTokenizer(String alphabet) {
        Objects.requireNonNull(alphabet, "alphabet");
        if (alphabet.isEmpty()) {
            throw new IllegalArgumentException("alphabet must hold at least one character");
        }
        this.alphabet = alphabet;
        this.codePoints = alphabet.codePoints().toArray();
        for (int i = 0; i < codePoints.length; i++) {
            if (idsByCodePoint.putIfAbsent(codePoints[i], SPECIAL_TOKENS.size() + i) != null) {
                throw new IllegalArgumentException("alphabet repeats the character '"
                        + Character.toString(codePoints[i]) + "' (at character index " + i + ")");
            }
        }
    }

    /**
     * Reads a character tokenizer that {@link #save(Path)} wrote.
     *
     * @param dir the directory holding its {@code tokenizer.json}
     * @return the tokenizer
     * @throws MalformedTokenizerException if the vocabulary is not that of a character tokenizer
     */
    public static CharTokenizer load(Path dir) {
        Path file = dir.resolve(TokenizerVocabulary.FILE_NAME);
        TokenizerVocabulary vocabulary = TokenizerVocabulary.read(file);
        for (int id = 0; id < SPECIAL_TOKENS.size(); id++) {
            String token = id < vocabulary.size() ? vocabulary.tokenOf(id) : null;
            if (!SPECIAL_TOKENS.get(id).equals(token)) {
                throw new MalformedTokenizerException(
                        file, "id " + id + " must be " + SPECIAL_TOKENS.get(id) + ", not " + token);
            }
        }
        StringBuilder alphabet = new StringBuilder();
        for (int id = SPECIAL_TOKENS.size(); id < vocabulary.size(); id++) {
            String token = vocabulary.tokenOf(id);
            if (token == null || token.codePointCount(0, token.length()) != 1) {
                throw new MalformedTokenizerException(file, "id " + id + " must be one character, not " + token);
            }
            alphabet.append(token);
        }
        try {
            return new CharTokenizer(alphabet.toString());
        } catch (IllegalArgumentException e) {
            throw new MalformedTokenizerException(file, e.getMessage(), e);
        }
    }

    /** @return the alphabet, in id order */
    public String alphabet() {
        return alphabet;
    }

    @Override
    public int[] encode(String text) {
        return text.codePoints().map(c -> idsByCodePoint.getOrDefault(c, UNK_ID)).toArray();
    }

    @Override
    public int[] encodePrompt(String text) {
        return TokenIds.prepend(BOS_ID, encode(text));
    }

    @Override
    public String decode(int[] ids) {
        TokenIds.requireInVocabulary(ids, vocabSize());
        StringBuilder text = new StringBuilder(ids.length);
        for (int id : ids) {
            if (id >= SPECIAL_TOKENS.size()) {
                text.appendCodePoint(codePoints[id - SPECIAL_TOKENS.size()]);
            }
        }
        return text.toString();
    }

    @Override
    public int vocabSize() {
        return SPECIAL_TOKENS.size() + codePoints.length;
    }

    @Override
    public int bosId() {
        return BOS_ID;
    }

    @Override
    public int eosId() {
        return EOS_ID;
    }

    @Override
    public int padId() {
        return PAD_ID;
    }

    @Override
    public void save(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the tokenizer directory " + dir, e);
        }
        JsonFiles.write(dir.resolve(TokenizerVocabulary.FILE_NAME), CharTokenizerJson.describe(codePoints));
        SpecialTokens tokens = new SpecialTokens(SPECIAL_TOKENS.get(BOS_ID), SPECIAL_TOKENS.get(EOS_ID),
                SPECIAL_TOKENS.get(UNK_ID), null, SPECIAL_TOKENS.get(PAD_ID), null, null, List.of());
        TokenizerConfig.of(TOKENIZER_CLASS, tokens, true).write(dir);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CharTokenizer that && alphabet.equals(that.alphabet);
    }

    @Override
    public int hashCode() {
        return alphabet.hashCode();
    }

    @Override
    public String toString() {
        return "CharTokenizer[alphabet=" + alphabet + "]";
    }
}
