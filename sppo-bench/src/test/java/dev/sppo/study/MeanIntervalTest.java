package dev.sppo.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class MeanIntervalTest {

    @Test
    void threeSeedsGiveTheMeanAndTheStudentTInterval() {
        // mean 0.7, s = 0.1, half-width = t(0.975, 2) · s / sqrt(3) = 4.303 · 0.1 / 1.7320508 = 0.248434
        MeanInterval m = MeanInterval.of(0.6, 0.7, 0.8);
        assertThat(m.mean()).isCloseTo(0.7, within(1e-12));
        assertThat(m.lower()).isCloseTo(0.7 - 0.248434, within(1e-6));
        assertThat(m.upper()).isCloseTo(0.7 + 0.248434, within(1e-6));
        assertThat(m.n()).isEqualTo(3);
        assertThat(m.format(3)).isEqualTo("0.700 ± 0.248");
    }

    @Test
    void twoSeedsUseTheOneDegreeOfFreedomQuantile() {
        // mean 2, s = sqrt(2), half-width = 12.706 · sqrt(2) / sqrt(2) = 12.706
        MeanInterval m = MeanInterval.of(1, 3);
        assertThat(m.lower()).isCloseTo(2 - 12.706, within(1e-9));
        assertThat(m.upper()).isCloseTo(2 + 12.706, within(1e-9));
    }

    @Test
    void oneSeedHasNoIntervalAndNonFiniteValuesAreLeftOut() {
        MeanInterval one = MeanInterval.of(0.4, Double.NaN);
        assertThat(one.mean()).isEqualTo(0.4);
        assertThat(one.n()).isEqualTo(1);
        assertThat(one.lower()).isNaN();
        assertThat(one.format(2)).isEqualTo("0.40");
        assertThat(MeanInterval.of(Double.NaN).format(2)).isEqualTo("-");
    }

    @Test
    void intervalSidesAreJudgedStrictly() {
        MeanInterval m = MeanInterval.of(0.6, 0.7, 0.8);
        assertThat(m.above(0.45)).isTrue();
        assertThat(m.above(0.5)).isFalse();
        assertThat(m.below(0.95)).isTrue();
        assertThat(m.below(0.9)).isFalse();
    }

    @Test
    void studentQuantilesMatchTablesAndTheLargeSampleLimit() {
        assertThat(StudentT.quantile975(2)).isEqualTo(4.303);
        assertThat(StudentT.quantile975(30)).isEqualTo(2.042);
        assertThat(StudentT.quantile975(40)).isCloseTo(2.0211, within(1e-3));
        assertThat(StudentT.quantile975(120)).isCloseTo(1.9799, within(1e-3));
        assertThat(StudentT.quantile975(100_000)).isCloseTo(1.95996, within(1e-4));
    }
}
