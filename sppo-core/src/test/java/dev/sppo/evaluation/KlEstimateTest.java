package dev.sppo.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class KlEstimateTest {

    @Test
    void meanAndStandardErrorOfTheLogRatiosMatchAHandComputation() {
        // d = (-1 - -1.5, -2 - -3) = (0.5, 1.0): mean 0.75, s² = (0.25² + 0.25²)/1 = 0.125,
        // SE = sqrt(0.125/2) = 0.25
        KlEstimate kl = KlEstimate.of(new double[] {-1, -2}, new double[] {-1.5, -3});
        assertThat(kl.mean()).isCloseTo(0.75, within(1e-12));
        assertThat(kl.standardError()).isCloseTo(0.25, within(1e-12));
        assertThat(kl.samples()).isEqualTo(2);
    }

    @Test
    void identicalLogProbsGiveExactlyZero() {
        double[] logProbs = {-0.3, -4.2, -1.7};
        KlEstimate kl = KlEstimate.of(logProbs, logProbs.clone());
        assertThat(kl.mean()).isZero();
        assertThat(kl.standardError()).isZero();
    }

    @Test
    void refusesUnpairedOrEmptyInput() {
        assertThatThrownBy(() -> KlEstimate.of(new double[] {-1}, new double[] {-1, -2}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("pair up");
        assertThatThrownBy(() -> KlEstimate.of(new double[0], new double[0]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one sample");
    }
}
