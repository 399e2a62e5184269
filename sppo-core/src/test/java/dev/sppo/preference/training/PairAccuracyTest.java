package dev.sppo.preference.training;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sppo.preference.data.GoldLabel;
import dev.sppo.preference.data.LabelledPair;
import dev.sppo.preference.data.PreferencePair;

import java.util.List;

import org.junit.jupiter.api.Test;

class PairAccuracyTest {

    private static final PreferencePair PAIR = new PreferencePair("x", "a", "b");

    @Test
    void countsAgainstLabelsAndAgainstGoldWithTiesAsHalf() {
        List<LabelledPair> pairs = List.of(new LabelledPair(PAIR, GoldLabel.AGREES),
                new LabelledPair(PAIR, GoldLabel.FLIPPED), new LabelledPair(PAIR, GoldLabel.FLIPPED),
                new LabelledPair(PAIR, GoldLabel.UNKNOWN));
        PairAccuracy accuracy = PairAccuracy.of(new double[] {1.5, -0.2, 0.0, 3.0}, pairs);
        // vs labels: 1 + 0 + 0.5 + 1 = 2.5 of 4; vs gold (first three): 1 + 1 + 0.5 = 2.5 of 3
        assertThat(accuracy.vsLabels()).isEqualTo(2.5 / 4);
        assertThat(accuracy.vsGold()).isEqualTo(2.5 / 3);
        assertThat(accuracy.goldPairs()).isEqualTo(3);
    }

    @Test
    void goldAccuracyIsUndefinedWithoutGoldLabels() {
        PairAccuracy accuracy = PairAccuracy.of(new double[] {1}, List.of(LabelledPair.unjudged(PAIR)));
        assertThat(accuracy.vsGold()).isNaN();
        assertThat(accuracy.vsLabels()).isEqualTo(1.0);
    }
}
