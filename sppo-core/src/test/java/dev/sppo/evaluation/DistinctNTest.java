package dev.sppo.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class DistinctNTest {

    private static final List<String> TEXTS = List.of("the cat sat on the mat", "The  cat\tran");

    @Test
    void distinctUnigramsOverAllWords() {
        // words: the cat sat on the mat | the cat ran -> 9 unigrams; distinct: the cat sat on mat ran = 6
        assertThat(DistinctN.of(TEXTS, 1)).isEqualTo(6 / 9.0);
    }

    @Test
    void distinctBigramsNeverSpanTwoTexts() {
        // bigrams: (the cat) (cat sat) (sat on) (on the) (the mat) | (the cat) (cat ran) -> 7; distinct 6
        assertThat(DistinctN.of(TEXTS, 2)).isEqualTo(6 / 7.0);
    }

    @Test
    void aRepeatingTextScoresLow() {
        // "good good good good": 3 bigrams, 1 distinct
        assertThat(DistinctN.of(List.of("good good good good"), 2)).isEqualTo(1 / 3.0);
        assertThat(DistinctN.of(List.of("a b c d"), 3)).isEqualTo(1.0);
    }

    @Test
    void textsWithoutNGramsScoreZero() {
        assertThat(DistinctN.of(List.of(), 1)).isZero();
        assertThat(DistinctN.of(List.of("  ", "one two"), 3)).isZero();
        assertThatThrownBy(() -> DistinctN.of(TEXTS, 0)).hasMessageContaining("n must be");
    }
}
