package dev.sppo.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SeriesTest {

    private static final double[] T = {0, 1, 2};

    @Test
    void mismatchedLengthsAreRefused() {
        assertThatThrownBy(() -> Series.line("s", T, new double[] {1}))
                .hasMessage("series s: 3 x values but 1 y values");
        assertThatThrownBy(() -> Series.line("s", T, T).withBand(T, new double[] {1}))
                .hasMessage("series s: the band needs 3 lower and upper ends, got 3 and 1");
    }

    @Test
    void aSeriesWithoutAFinitePointIsEmpty() {
        assertThat(Series.line("s", T, new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NaN}).isEmpty())
                .isTrue();
        assertThat(Series.line("s", T, new double[] {Double.NaN, 0.5, Double.NaN}).isEmpty()).isFalse();
    }
}
