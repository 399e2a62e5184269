package dev.sppo.textdemo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sppo.preference.data.PreferencePair;
import dev.sppo.preference.sentiment.VaderAnalyzer;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;

class SentimentPairsTest {

    private static final List<String> SENTENCES = List.of(
            "I think that this day was a wonderful and happy one",
            "I think that this day was a terrible and awful one",
            "We went to the market in the morning",
            "She said that love is the best thing of all",
            "He said that hate is the worst thing of all",
            "Too short");

    @Test
    void aSharpLabelTemperatureAlwaysPrefersTheHappierContinuationOfTheSharedPrompt() {
        List<PreferencePair> pairs = SentimentPairs.noisy(SENTENCES, 3, new TextDemoSettings.Judge(200, 1e-4),
                text -> text.toLowerCase(Locale.ROOT), 7);

        VaderAnalyzer vader = VaderAnalyzer.shared();
        assertThat(pairs).hasSize(200).allSatisfy(pair -> {
            assertThat(pair.prompt().split(" ")).hasSize(3);
            assertThat(pair.chosen()).isNotEqualTo(pair.rejected());
            if (vader.compound(pair.chosen()) != vader.compound(pair.rejected())) {
                assertThat(vader.compound(pair.chosen())).isGreaterThan(vader.compound(pair.rejected()));
            }
        });
        assertThat(pairs).noneMatch(pair -> pair.prompt().startsWith("too"));
    }

    @Test
    void aWideLabelTemperatureLabelsClearPairsOnlyMostlyRight() {
        List<PreferencePair> pairs = SentimentPairs.noisy(SENTENCES, 3, new TextDemoSettings.Judge(2000, 0.5),
                text -> text.toLowerCase(Locale.ROOT), 7);

        VaderAnalyzer vader = VaderAnalyzer.shared();
        List<PreferencePair> clear = pairs.stream().filter(pair -> Math.abs(vader.compound(pair.chosen())
                - vader.compound(pair.rejected())) > 1).toList();
        long right = clear.stream().filter(pair -> vader.compound(pair.chosen()) > vader.compound(pair.rejected()))
                .count();
        // a gap above 1 is labelled right with probability at least σ(1 / 0.5) = 0.88 and below 1
        assertThat(clear).hasSizeGreaterThan(100);
        assertThat((double) right / clear.size()).isBetween(0.85, 0.995);
    }
}
