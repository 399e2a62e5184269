package dev.sppo.preference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PreferenceMatrixTest {

    private static final double[][] VALID = {
        {0.5, 0.8, 0.6},
        {0.2, 0.5, 0.3},
        {0.4, 0.7, 0.5},
    };

    @Test
    void winRatesAverageEachRowIncludingTheSelfTerm() {
        // Phat_0 = (0.5 + 0.8 + 0.6) / 3 = 1.9 / 3
        // Phat_1 = (0.2 + 0.5 + 0.3) / 3 = 1.0 / 3
        // Phat_2 = (0.4 + 0.7 + 0.5) / 3 = 1.6 / 3      (sum = 4.5 / 3 = K / 2)
        PreferenceMatrix p = new PreferenceMatrix(VALID);
        assertThat(p.size()).isEqualTo(3);
        assertThat(p.winRates()).containsExactly(new double[] {1.9 / 3, 1.0 / 3, 1.6 / 3}, within(1e-12));
    }

    @Test
    void copiesTheArrayInAndOut() {
        double[][] entries = {{0.5, 0.9}, {0.1, 0.5}};
        PreferenceMatrix p = new PreferenceMatrix(entries);
        entries[0][1] = 0.0;
        p.p()[0][1] = 0.0;
        assertThat(p.get(0, 1)).isEqualTo(0.9);
        assertThat(p).isEqualTo(new PreferenceMatrix(new double[][] {{0.5, 0.9}, {0.1, 0.5}}));
    }

    @Test
    void acceptsAntisymmetryWithinTolerance() {
        PreferenceMatrix p = new PreferenceMatrix(new double[][] {{0.5, 0.7 + 5e-10}, {0.3, 0.5}});
        assertThat(p.get(0, 1)).isEqualTo(0.7 + 5e-10);
    }

    @Test
    void rejectsBrokenAntisymmetryNamingBothEntriesAndTheirValues() {
        assertThatThrownBy(() -> new PreferenceMatrix(new double[][] {
            {0.5, 0.8, 0.6},
            {0.2, 0.5, 0.3},
            {0.4, 0.6, 0.5},
        })).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("P[1][2] + P[2][1] = 0.3 + 0.6")
                .hasMessageContaining("expected 1");
    }

    @Test
    void rejectsADiagonalOtherThanOneHalf() {
        assertThatThrownBy(() -> new PreferenceMatrix(new double[][] {{0.5, 0.5}, {0.5, 0.4}}))
                .hasMessage("P[1][1] = 0.4, expected 0.5");
    }

    @Test
    void rejectsNonFiniteAndOutOfRangeEntries() {
        assertThatThrownBy(() -> new PreferenceMatrix(new double[][] {{0.5, Double.NaN}, {0.5, 0.5}}))
                .hasMessage("P[0][1] = NaN is not a probability in [0, 1]");
        assertThatThrownBy(() -> new PreferenceMatrix(new double[][] {{0.5, 1.5}, {-0.5, 0.5}}))
                .hasMessage("P[0][1] = 1.5 is not a probability in [0, 1]");
    }

    @Test
    void rejectsWrongShapes() {
        assertThatThrownBy(() -> new PreferenceMatrix(new double[][] {{0.5}}))
                .hasMessage("preference matrix needs K >= 2 responses, got K = 1");
        assertThatThrownBy(() -> new PreferenceMatrix(new double[][] {{0.5, 0.5}, {0.5}}))
                .hasMessage("preference matrix must be square 2 x 2: row 1 has 1 entries");
        assertThatThrownBy(() -> new PreferenceMatrix(null))
                .hasMessage("preference matrix needs K >= 2 responses, got null");
    }
}
