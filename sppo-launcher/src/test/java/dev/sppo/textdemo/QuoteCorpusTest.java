package dev.sppo.textdemo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class QuoteCorpusTest {

    @Test
    void theCorpusHasThousandsOfPlainDistinctSentences() {
        List<String> sentences = QuoteCorpus.sentences();

        assertThat(sentences).hasSizeGreaterThan(4_000).allMatch(QuoteFilter::isPlainSentence);
        assertThat(sentences.stream().map(s -> s.toLowerCase(Locale.ROOT)).distinct().count())
                .isEqualTo(sentences.size());
        assertThat(sentences).contains("There is no greater power in the universe than the need for freedom.");
    }

    @Test
    void loadingTwiceGivesTheSameDisjointSplit() {
        Corpus corpus = QuoteCorpus.load();

        assertThat(QuoteCorpus.load()).isEqualTo(corpus);
        assertThat(corpus.train()).doesNotContainAnyElementsOf(corpus.heldOut());
        List<String> merged = new ArrayList<>(corpus.train());
        merged.addAll(corpus.heldOut());
        assertThat(merged).containsExactlyInAnyOrderElementsOf(QuoteCorpus.sentences());
        double heldOut = corpus.heldOut().size() / (double) merged.size();
        assertThat(heldOut).isBetween(0.08, 0.12);
        assertThat(QuoteCorpus.load(0.3).heldOut()).containsAll(corpus.heldOut());
    }

    @Test
    void everyListedSourceFileIsReadFromDatafaker() {
        List<String> files = QuoteCorpus.sourceFiles();

        assertThat(files).hasSize(86).contains("quote.yml", "v_for_vendetta.yml").doesNotContain("kaamelott.yml");
        assertThat(files).allSatisfy(file -> assertThat(QuoteCorpus.strings("en/" + file)).isNotEmpty());
    }
}
