package dev.sppo.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class TicksTest {

    @Test
    void iterationAxisTicksAtEveryWholeIteration() {
        Ticks ticks = Ticks.covering(0, 3, 8, true);

        assertThat(ticks.values()).containsExactly(0, 1, 2, 3);
        assertThat(ticks.label(2)).isEqualTo("2");
    }

    @Test
    void stepIsOneTwoOrFiveTimesAPowerOfTenAndTheAxisWidensToWholeSteps() {
        // (0.71 - 0.48) / 6 = 0.038 -> 0.05; floor(0.48 / 0.05) = 9, ceil(0.71 / 0.05) = 15
        Ticks ticks = Ticks.covering(0.48, 0.71, 6, false);

        assertThat(ticks.step()).isCloseTo(0.05, within(1e-12));
        assertThat(ticks.min()).isCloseTo(0.45, within(1e-12));
        assertThat(ticks.max()).isCloseTo(0.75, within(1e-12));
        assertThat(ticks.values()).hasSize(7);
        assertThat(ticks.label(ticks.values()[1])).isEqualTo("0.50");
        // (1300 - 0) / 6 = 216.7 -> 500
        assertThat(Ticks.covering(0, 1300, 6, false).values()).containsExactly(0, 500, 1000, 1500);
    }

    @Test
    void aRangeOfZeroWidthIsWidenedAroundItsValue() {
        assertThat(Ticks.covering(2, 2, 8, true).values()).containsExactly(1, 2, 3);
        Ticks around = Ticks.covering(0.5, 0.5, 6, false);
        assertThat(around.min()).isLessThan(0.5);
        assertThat(around.max()).isGreaterThan(0.5);
    }

    @Test
    void nonFiniteOrInvertedRangesAreRefused() {
        assertThatThrownBy(() -> Ticks.covering(Double.NaN, 1, 5, false)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Ticks.covering(2, 1, 5, false)).isInstanceOf(IllegalArgumentException.class);
    }
}
