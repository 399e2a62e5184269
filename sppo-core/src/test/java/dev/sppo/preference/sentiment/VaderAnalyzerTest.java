package dev.sppo.preference.sentiment;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * VADER against the reference outputs printed in vaderSentiment's README ("Output for the above example code"),
 * compound to its 4 printed places and the proportions to their 3. The README's emoji example is left out: the
 * emoji table is not in the lexicon artifact. "At least it isn't a horrible book." is checked on its own: the README
 * printed it before vaderSentiment 3.3 stopped dropping one-character tokens ("a").
 */
class VaderAnalyzerTest {

    private final VaderAnalyzer vader = VaderAnalyzer.shared();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            VADER is smart, handsome, and funny.                                                | 0.0   | 0.254 | 0.746 | 0.8316
            VADER is smart, handsome, and funny!                                                | 0.0   | 0.248 | 0.752 | 0.8439
            VADER is very smart, handsome, and funny.                                           | 0.0   | 0.299 | 0.701 | 0.8545
            VADER is VERY SMART, handsome, and FUNNY.                                           | 0.0   | 0.246 | 0.754 | 0.9227
            VADER is VERY SMART, handsome, and FUNNY!!!                                         | 0.0   | 0.233 | 0.767 | 0.9342
            VADER is VERY SMART, uber handsome, and FRIGGIN FUNNY!!!                            | 0.0   | 0.294 | 0.706 | 0.9469
            VADER is not smart, handsome, nor funny.                                            | 0.646 | 0.354 | 0.0   | -0.7424
            The book was good.                                                                  | 0.0   | 0.508 | 0.492 | 0.4404
            The book was only kind of good.                                                     | 0.0   | 0.697 | 0.303 | 0.3832
            The plot was good, but the characters are uncompelling and the dialog is not great. | 0.327 | 0.579 | 0.094 | -0.7042
            Today SUX!                                                                          | 0.779 | 0.221 | 0.0   | -0.5461
            Today only kinda sux! But I'll get by, lol                                          | 0.127 | 0.556 | 0.317 | 0.5249
            Make sure you :) or :D today!                                                       | 0.0   | 0.294 | 0.706 | 0.8633
            Not bad at all                                                                      | 0.0   | 0.513 | 0.487 | 0.431
            """)
    void matchesTheReferenceOutputsOfVaderSentiment(
            String text, double negative, double neutral, double positive, double compound) {
        SentimentScores scores = vader.scores(text);

        assertThat(scores.compound()).isCloseTo(compound, within(0.00005));
        assertThat(scores.negative()).isCloseTo(negative, within(0.0005));
        assertThat(scores.neutral()).isCloseTo(neutral, within(0.0005));
        assertThat(scores.positive()).isCloseTo(positive, within(0.0005));
    }

    @Test
    void atLeastIsNotANegationAndIsntIs() {
        SentimentScores scores = vader.scores("At least it isn't a horrible book.");

        // 'horrible' -2.5, negated by "isn't" one word back: 1.85; the six other tokens ("a" among them) are neutral.
        double valence = -2.5 * -0.74;
        assertThat(scores.compound()).isCloseTo(0.431, within(0.00005));
        assertThat(scores.compound()).isCloseTo(valence / Math.sqrt(valence * valence + 15), within(1e-12));
        assertThat(scores.positive()).isCloseTo((valence + 1) / (valence + 1 + 6), within(1e-12));
        assertThat(scores.neutral()).isCloseTo(6 / (valence + 1 + 6), within(1e-12));
    }

    @Test
    void theLexiconKeepsTheLastValenceOfATokenListedTwiceAndReadsItsLatin1Emoticons() {
        VaderLexicon lexicon = VaderLexicon.shared();

        // 7,516 lines, 7,502 distinct tokens; "lol" is listed as 2.9, then as 1.8
        assertThat(lexicon.size()).isEqualTo(7_502);
        assertThat(lexicon.valence("lol")).hasValue(1.8);
        assertThat(lexicon.valence(":-\u00de")).hasValue(0.9);
        assertThat(lexicon.valence("table")).isEmpty();
    }

    @Test
    void compoundIsTheNormalisedSumOfValences() {
        // "good" is 1.9 in the lexicon: 1.9 / sqrt(1.9^2 + 15), and a booster adds 0.293 before normalising.
        assertThat(vader.compound("good")).isCloseTo(1.9 / Math.sqrt(1.9 * 1.9 + 15), within(1e-12));
        assertThat(vader.compound("very good")).isCloseTo(2.193 / Math.sqrt(2.193 * 2.193 + 15), within(1e-12));
    }

    @Test
    void negationFlipsAndShrinksTheValenceOfTheNextThreeWords() {
        double negated = 1.9 * -0.74;
        assertThat(vader.compound("it is not good")).isCloseTo(negated / Math.sqrt(negated * negated + 15),
                within(1e-12));
        assertThat(vader.compound("not that it is good")).isCloseTo(vader.compound("it is good"), within(1e-12));
    }

    @Test
    void neverSoGoodIsEmphasisNotNegation() {
        // "so" boosts by 0.293; "never so" two back and "so" right before each multiply by 1.25 (vaderSentiment's
        // rule applies both).
        double emphasised = (1.9 + 0.293) * 1.25 * 1.25;
        assertThat(vader.compound("it was never so good"))
                .isCloseTo(emphasised / Math.sqrt(emphasised * emphasised + 15), within(1e-12));
        assertThat(vader.compound("it was never good")).isNegative();
    }

    @Test
    void questionMarksAddEmphasisFromTwoOn() {
        double one = vader.compound("good?");
        assertThat(one).isEqualTo(vader.compound("good"));
        double two = 1.9 + 2 * 0.18;
        assertThat(vader.compound("good??")).isCloseTo(two / Math.sqrt(two * two + 15), within(1e-12));
        double many = 1.9 + 0.96;
        assertThat(vader.compound("good?????")).isCloseTo(many / Math.sqrt(many * many + 15), within(1e-12));
    }

    @Test
    void specialCaseIdiomsReplaceTheValenceOfTheirWord() {
        // "kiss of death": both 'kiss' (1.8, the idiom follows it) and 'death' (-2.9, the idiom ends with it) become -1.5.
        assertThat(vader.compound("that was the kiss of death")).isCloseTo(-3.0 / Math.sqrt(3.0 * 3.0 + 15),
                within(1e-12));
    }

    @Test
    void textWithoutWordsScoresNothing() {
        assertThat(vader.scores("   ")).isEqualTo(SentimentScores.NONE);
        assertThat(vader.scores("the table is in the room").compound()).isZero();
        assertThat(vader.scores("the table is in the room").neutral()).isEqualTo(1.0);
    }
}
