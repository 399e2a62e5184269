package dev.sppo.textdemo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class CorpusTest {

    private static final List<String> SENTENCES = IntStream.range(0, 1_000)
            .mapToObj(i -> "Sentence number " + i + " of the test corpus.").toList();

    @Test
    void theSplitIsDisjointCompleteAndKeepsTheOrder() {
        Corpus corpus = Corpus.split(SENTENCES, 0.2);

        assertThat(corpus.train()).doesNotContainAnyElementsOf(corpus.heldOut());
        List<String> merged = new ArrayList<>(corpus.train());
        merged.addAll(corpus.heldOut());
        assertThat(merged).containsExactlyInAnyOrderElementsOf(SENTENCES);
        assertThat(corpus.train()).isSortedAccordingTo((a, b) -> SENTENCES.indexOf(a) - SENTENCES.indexOf(b));
        assertThat(corpus.heldOut().size()).isBetween(160, 240);
    }

    @Test
    void aSentenceStaysOnItsSideWhateverElseTheCorpusHolds() {
        Corpus whole = Corpus.split(SENTENCES, 0.2);
        Corpus half = Corpus.split(SENTENCES.subList(0, 500), 0.2);

        assertThat(half.heldOut()).isEqualTo(whole.heldOut().stream().filter(s -> SENTENCES.indexOf(s) < 500)
                .toList());
        assertThat(Corpus.position("The Book Was Good.")).isEqualTo(Corpus.position("the book was good."));
    }

    @Test
    void theFractionRunsFromNothingToEverythingHeldOut() {
        assertThat(Corpus.split(SENTENCES, 0).heldOut()).isEmpty();
        assertThat(Corpus.split(SENTENCES, 1).train()).isEmpty();
        assertThatThrownBy(() -> Corpus.split(SENTENCES, 1.5)).hasMessageContaining("heldOutFraction");
    }
}
