package dev.sppo.tokenizer;

/**
 * How {@link WordLevelTokenizerBuilder} picks its vocabulary from training sentences.
 *
 * @param minCount the fewest times a word must occur in the training sentences to get its own id; rarer words
 *     encode as {@code <unk>}. At least 1
 * @param maxVocab the most ids in all, the four special tokens included: the most frequent words are kept. At
 *     least 5
 */
public record WordLevelTokenizerConfig(int minCount, int maxVocab) {

    /** Words seen at least twice, at most 8,000 ids: about what a 5,000-sentence corpus supports. */
    public static final WordLevelTokenizerConfig DEFAULTS = new WordLevelTokenizerConfig(2, 8_000);

    public WordLevelTokenizerConfig {
        if (minCount < 1) {
            throw new IllegalArgumentException("minCount must be at least 1, got " + minCount);
        }
        if (maxVocab <= WordLevelTokenizerBuilder.SPECIAL_TOKENS.size()) {
            throw new IllegalArgumentException("maxVocab must exceed the " + WordLevelTokenizerBuilder.SPECIAL_TOKENS
                    .size() + " special tokens, got " + maxVocab);
        }
    }
}
