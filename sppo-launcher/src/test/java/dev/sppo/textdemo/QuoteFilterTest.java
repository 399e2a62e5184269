package dev.sppo.textdemo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class QuoteFilterTest {

    @Test
    void aPlainSentenceIsKeptWithItsWhitespaceCollapsed() {
        assertThat(QuoteFilter.sentences("  The book was good,\n but the plot   was thin. "))
                .containsExactly("The book was good, but the plot was thin.");
        assertThat(QuoteFilter.sentences("Roads? Where we're going, we don't need roads."))
                .containsExactly("Roads? Where we're going, we don't need roads.");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Harry Potter and the Deathly Hallows",
        "Our Lady of the Angels Hospital",
        "#{Name.first_name} is a very good friend of mine.",
        "Call ###-#### to reach the office before noon.",
        "He said \"go away\" to the man at the door.",
        "Use the /api/jobs endpoint to submit your jobs.",
        "Fish (and chips) are what I want for dinner.",
        "The caf\u00e9 on the corner serves the best coffee.",
        "Too short to keep here.",
        "the line starts in lower case and goes on.",
    })
    void namesTitlesTemplatesOddCharactersAndShortLinesAreRefused(String line) {
        assertThat(QuoteFilter.sentences(line)).isEmpty();
    }

    @Test
    void aLineOfMoreThanThirtyWordsIsCutIntoItsSentences() {
        String first = "I have been waiting for this moment for a very long time, and now it is finally here.";
        String second = "Nobody could have told me how it would feel when the day arrived.";
        String third = "So long.";
        String line = first + " " + second + " " + third;

        assertThat(line.split(" ")).hasSizeGreaterThan(QuoteFilter.MAX_WORDS);
        assertThat(QuoteFilter.sentences(line)).containsExactly(first, second);
    }

    @Test
    void sixToThirtyWordsAreKept() {
        assertThat(QuoteFilter.isPlainSentence("One two three four five six.")).isTrue();
        assertThat(QuoteFilter.isPlainSentence("One two three four five.")).isFalse();
        assertThat(QuoteFilter.isPlainSentence("One" + " word".repeat(29))).isTrue();
        assertThat(QuoteFilter.isPlainSentence("One" + " word".repeat(30))).isFalse();
    }
}
