package dev.sppo.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

class LengthControlledWinRateTest {

    @Test
    void matchesAnIndependentFitOfASmallTable() {
        // Expected values: sppo-core/src/test/python/lc_win_rate_reference.py (scipy BFGS and a gradient root).
        double[] p = {1.0, 0.5, 0.0, 0.9, 0.2, 1.0, 0.75, 0.3};
        double[] length = {120, 80, 60, 200, 90, 150, 110, 40};
        double[] baseline = {100, 85, 90, 120, 100, 100, 100, 70};
        List<JudgedComparison> table = new ArrayList<>();
        for (int i = 0; i < p.length; i++) {
            table.add(new JudgedComparison(p[i], length[i], baseline[i]));
        }

        LengthControlledWinRate lc = LengthControlledWinRate.of(table);

        assertThat(lc.lengthScale()).isCloseTo(38.58548024470197, within(1e-12));
        assertThat(lc.intercept()).isCloseTo(0.29097375619480054, within(1e-9));
        assertThat(lc.lengthWeight()).isCloseTo(3.372169348259433, within(1e-9));
        assertThat(lc.rate()).isCloseTo(0.572234507839825, within(1e-9));
        assertThat(lc.rawRate()).isCloseTo(0.58125, within(1e-15));
        assertThat(lc.comparisons()).isEqualTo(8);
    }

    @Test
    void symmetricComparisonsGiveOneHalf() {
        List<JudgedComparison> table = List.of(
                new JudgedComparison(0.9, 150, 100), new JudgedComparison(0.1, 100, 150),
                new JudgedComparison(1.0, 130, 120), new JudgedComparison(0.0, 120, 130),
                new JudgedComparison(0.3, 80, 100), new JudgedComparison(0.7, 100, 80));

        LengthControlledWinRate lc = LengthControlledWinRate.of(table);

        assertThat(lc.rate()).isCloseTo(0.5, within(1e-12));
        assertThat(lc.rawRate()).isCloseTo(0.5, within(1e-15));
        assertThat(lc.lengthWeight()).isGreaterThan(0);
    }

    @Test
    void aJudgeThatPrefersLongerAnswersIsCorrectedTowardsEqualQuality() {
        // The policy is as good as the baseline at equal length (true intercept 0), mostly writes longer answers,
        // and the judge rewards length: σ(2 tanh(d / s)).
        List<JudgedComparison> table = new ArrayList<>();
        double[] d = new double[20];
        for (int i = 0; i < d.length; i++) {
            d[i] = -40 + 10 * i;
        }
        double s = sampleSd(d);
        for (double di : d) {
            table.add(new JudgedComparison(LogisticFit.sigmoid(2 * Math.tanh(di / s)), 100 + di, 100));
        }

        LengthControlledWinRate lc = LengthControlledWinRate.of(table);

        assertThat(lc.rawRate()).isGreaterThan(lc.rate() + 0.1);
        assertThat(lc.rate()).isCloseTo(0.5, within(0.01));
        assertThat(lc.lengthWeight()).isCloseTo(2, within(0.05));
    }

    @Test
    void equalLengthsLeaveOnlyTheInterceptWithoutNaN() {
        List<JudgedComparison> table = List.of(new JudgedComparison(1, 50, 50), new JudgedComparison(1, 50, 50),
                new JudgedComparison(0.5, 50, 50), new JudgedComparison(0, 50, 50));

        LengthControlledWinRate lc = LengthControlledWinRate.of(table);

        assertThat(lc.lengthScale()).isZero();
        assertThat(lc.lengthWeight()).isZero();
        // The fit solves Σ (σ(b) - p_i) + λ b = 0: σ(b) sits just below the mean preference 0.625.
        double b = lc.intercept();
        assertThat(4 * (LogisticFit.sigmoid(b) - 0.625) + LengthControlledWinRate.DEFAULT_RIDGE * b)
                .isCloseTo(0, within(1e-12));
        assertThat(lc.rate()).isEqualTo(LogisticFit.sigmoid(b)).isBetween(0.62, 0.625);
        assertThat(lc.rawRate()).isEqualTo(0.625);
    }

    @Test
    void allWinsGiveAFiniteRateNearOne() {
        List<JudgedComparison> table = List.of(new JudgedComparison(1, 120, 100), new JudgedComparison(1, 90, 100),
                new JudgedComparison(1, 300, 100), new JudgedComparison(1, 100, 100));

        LengthControlledWinRate lc = LengthControlledWinRate.of(table);

        // Unpenalised, b would run to infinity; the ridge stops it where 1 - σ(b) is about λ b / 4.
        assertThat(lc.rate()).isFinite().isBetween(0.98, 1.0).isLessThan(1.0);
        assertThat(lc.intercept()).isFinite();
        assertThat(lc.lengthWeight()).isFinite();
        assertThat(lc.rawRate()).isEqualTo(1.0);
    }

    @Test
    void aSingleComparisonHasNoLengthScale() {
        LengthControlledWinRate lc = LengthControlledWinRate.of(List.of(new JudgedComparison(0, 10, 500)));

        assertThat(lc.lengthScale()).isZero();
        double b = lc.intercept();
        assertThat(LogisticFit.sigmoid(b) + LengthControlledWinRate.DEFAULT_RIDGE * b).isCloseTo(0, within(1e-12));
        assertThat(lc.rate()).isBetween(0.0, 0.05);
    }

    @Test
    void invalidInputIsRefused() {
        assertThatThrownBy(() -> LengthControlledWinRate.of(List.of()))
                .hasMessageContaining("at least one comparison");
        assertThatThrownBy(() -> new JudgedComparison(1.5, 1, 1)).hasMessageContaining("[0, 1]");
        assertThatThrownBy(() -> new JudgedComparison(Double.NaN, 1, 1)).hasMessageContaining("[0, 1]");
        assertThatThrownBy(() -> new JudgedComparison(0.5, -1, 1)).hasMessageContaining(">= 0");
        assertThatThrownBy(() -> LengthControlledWinRate.of(List.of(new JudgedComparison(0.5, 1, 1)), 0))
                .hasMessageContaining("> 0");
    }

    private static double sampleSd(double[] v) {
        double mean = 0;
        for (double x : v) {
            mean += x / v.length;
        }
        double ss = 0;
        for (double x : v) {
            ss += (x - mean) * (x - mean);
        }
        return Math.sqrt(ss / (v.length - 1));
    }
}
