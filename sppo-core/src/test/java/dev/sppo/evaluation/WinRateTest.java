package dev.sppo.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

import java.util.List;

class WinRateTest {

    @Test
    void tiesCountHalfAndTheIntervalIsTheNormalApproximation() {
        // outcomes: 6 wins (1), 2 ties (0.5), 2 losses (0): mean = 7/10 = 0.7
        // squared deviations: 6 * 0.09 + 2 * 0.04 + 2 * 0.49 = 1.6; s^2 = 1.6 / 9; s = 0.421637
        // half width = 1.959964 * 0.421637 / sqrt(10) = 0.261329
        WinRate w = WinRate.of(6, 2, 2);
        assertThat(w.rate()).isCloseTo(0.7, within(1e-12));
        assertThat(w.lower()).isCloseTo(0.7 - 0.261329, within(1e-6));
        assertThat(w.upper()).isCloseTo(0.961329, within(1e-6));
    }

    @Test
    void intervalIsClippedToTheUnitRange() {
        WinRate allWins = WinRate.of(5, 0, 0);
        assertThat(allWins.rate()).isEqualTo(1.0);
        assertThat(allWins.upper()).isEqualTo(1.0);
        assertThat(allWins.lower()).isEqualTo(1.0);
    }

    @Test
    void responsesAreComparedIndexByIndex() {
        PolicyResponses a = new PolicyResponses(List.of(List.of("1", "2"), List.of("3", "4")),
                new double[][] {{1.0, 0.5}, {0.2, 0.0}});
        PolicyResponses b = new PolicyResponses(List.of(List.of("x", "y"), List.of("z", "w")),
                new double[][] {{0.5, 0.5}, {0.3, 0.0}});
        WinRate w = a.against(b);
        assertThat(w.wins()).isEqualTo(1);
        assertThat(w.ties()).isEqualTo(2);
        assertThat(w.losses()).isEqualTo(1);
        assertThat(a.meanScore()).isCloseTo(0.425, within(1e-12));
        assertThat(a.exactMatch()).isEqualTo(0.25);
    }
}
