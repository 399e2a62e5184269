package dev.sppo.tokenizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WordLevelTokenizerBuilderTest {

    private static final List<String> SENTENCES = List.of("The cat sat.", "the dog sat.", "A cat");
    private static final WordLevelTokenizerConfig EVERY_WORD = new WordLevelTokenizerConfig(1, 1_000);

    @TempDir
    Path dir;

    @Test
    void theVocabularyIsTheSpecialTokensThenWordsByFallingCountThenAlphabetically() {
        // counts: ▁the 2, ▁cat 2, ▁sat 2, "." 2, ▁dog 1, ▁a 1; "." (U+002E) sorts before ▁ (U+2581)
        assertThat(new WordLevelTokenizerBuilder(EVERY_WORD).vocabulary(SENTENCES)).containsExactly(
                "<unk>", "<s>", "</s>", "<pad>", ".", "▁cat", "▁sat", "▁the", "▁a", "▁dog");
        assertThat(new WordLevelTokenizerBuilder(new WordLevelTokenizerConfig(2, 1_000)).vocabulary(SENTENCES))
                .containsExactly("<unk>", "<s>", "</s>", "<pad>", ".", "▁cat", "▁sat", "▁the");
        assertThat(new WordLevelTokenizerBuilder(new WordLevelTokenizerConfig(1, 6)).vocabulary(SENTENCES))
                .containsExactly("<unk>", "<s>", "</s>", "<pad>", ".", "▁cat");
    }

    @Test
    void wordsAreLowerCasedAndCutAtSpacesAndPunctuationKeepingContractions() {
        assertThat(WordPieces.words("  Don't\tSTOP,  (now)!  Dogs' toys "))
                .containsExactly("▁don't", "▁stop", ",", "▁(", "now", ")", "!", "▁dogs", "'", "▁toys");
        assertThat(WordPieces.words(" \n ")).isEmpty();
    }

    @Test
    void inVocabularyTextRoundTripsToItsNormalisedForm() {
        List<String> vocabulary = new WordLevelTokenizerBuilder(EVERY_WORD).write(SENTENCES, dir);

        try (HfTokenizer tokenizer = HfTokenizer.load(dir)) {
            int[] ids = tokenizer.encode("The  DOG sat. A cat");

            assertThat(Arrays.stream(ids).mapToObj(vocabulary::get))
                    .containsExactly("▁the", "▁dog", "▁sat", ".", "▁a", "▁cat");
            assertThat(tokenizer.decode(ids)).isEqualTo("the dog sat. a cat");
            assertThat(tokenizer.encodePrompt("the cat")).containsExactly(1, vocabulary.indexOf("▁the"),
                    vocabulary.indexOf("▁cat"));
        }
    }

    @Test
    void outOfVocabularyWordsBecomeUnk() {
        List<String> vocabulary = new WordLevelTokenizerBuilder(EVERY_WORD).write(SENTENCES, dir);

        try (HfTokenizer tokenizer = HfTokenizer.load(dir)) {
            assertThat(tokenizer.encode("the zebra sat!")).containsExactly(vocabulary.indexOf("▁the"),
                    WordLevelTokenizerBuilder.UNK_ID, vocabulary.indexOf("▁sat"), WordLevelTokenizerBuilder.UNK_ID);
        }
    }

    @Test
    void theSpecialTokensHaveTheirIdsInEveryFile() {
        List<String> vocabulary = new WordLevelTokenizerBuilder(EVERY_WORD).write(SENTENCES, dir);

        try (HfTokenizer tokenizer = HfTokenizer.load(dir)) {
            assertThat(List.of(tokenizer.bosId(), tokenizer.eosId(), tokenizer.padId())).containsExactly(1, 2, 3);
            assertThat(tokenizer.stopIds()).containsExactly(2);
            assertThat(tokenizer.vocabSize()).isEqualTo(vocabulary.size());
            assertThat(tokenizer.chatTemplates()).isEmpty();
        }
        assertThat(GenerationConfig.readIfPresent(dir).padTokenId()).isEqualTo(3);
        assertThat(GenerationConfig.readIfPresent(dir).eosTokenIds()).containsExactly(2);
    }

    @Test
    void theTokenizersLibraryCutsTextExactlyAsTheBuilderCounted() {
        List<String> sentences = List.of("It's a well-known fact -- isn't it?", "'Quoted,' she said... (twice)",
                "Room 101: the year 1984; no.", "Rock 'n' roll, dogs' toys & cats' naps!");
        List<String> vocabulary = new WordLevelTokenizerBuilder(EVERY_WORD).write(sentences, dir);

        try (HfTokenizer tokenizer = HfTokenizer.load(dir)) {
            for (String sentence : sentences) {
                int[] ids = tokenizer.encode(sentence);
                assertThat(Arrays.stream(ids).mapToObj(vocabulary::get)).as(sentence)
                        .containsExactlyElementsOf(WordPieces.words(sentence));
                assertThat(tokenizer.decode(ids)).isEqualTo(WordPieces.normalize(sentence));
            }
        }
    }

    @Test
    void aConfigWithoutRoomForWordsIsRefused() {
        assertThatThrownBy(() -> new WordLevelTokenizerConfig(0, 100)).hasMessageContaining("minCount");
        assertThatThrownBy(() -> new WordLevelTokenizerConfig(1, 4)).hasMessageContaining("maxVocab");
    }
}
