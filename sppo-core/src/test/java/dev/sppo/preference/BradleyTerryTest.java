package dev.sppo.preference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class BradleyTerryTest {

    private static final double[] REWARDS = {0.9, 0.5, 0.5, 0.1};

    @Test
    void rewardGapsOverTauGiveHandComputedProbabilities() {
        // tau = 1:   P01 = sigmoid(0.4) = 1 / (1 + 0.670320) = 0.598688
        //            P03 = sigmoid(0.8) = 1 / (1 + 0.449329) = 0.689974
        // tau = 0.1: P01 = sigmoid(4)   = 1 / (1 + 0.018316) = 0.982014
        //            P03 = sigmoid(8)   = 1 / (1 + 0.000335) = 0.999665
        PreferenceMatrix warm = BradleyTerry.fromRewards(REWARDS, 1);
        PreferenceMatrix cold = BradleyTerry.fromRewards(REWARDS, 0.1);
        assertThat(warm.get(0, 1)).isCloseTo(0.598688, within(1e-6));
        assertThat(warm.get(0, 3)).isCloseTo(0.689974, within(1e-6));
        assertThat(cold.get(0, 1)).isCloseTo(0.982014, within(1e-6));
        assertThat(cold.get(0, 3)).isCloseTo(0.999665, within(1e-6));
        assertThat(cold.get(3, 0)).isCloseTo(1 - 0.999665, within(1e-6));
    }

    @Test
    void equalRewardsAreEvenlyMatched() {
        PreferenceMatrix p = BradleyTerry.fromRewards(REWARDS, 0.3);
        assertThat(p.get(1, 2)).isEqualTo(0.5);
        assertThat(p.get(2, 1)).isEqualTo(0.5);
    }

    @Test
    void hugeGapsSaturateWithoutOverflow() {
        PreferenceMatrix p = BradleyTerry.fromStrengths(new double[] {800, -800});
        assertThat(p.get(0, 1)).isEqualTo(1.0);
        assertThat(p.get(1, 0)).isEqualTo(0.0);
    }

    @Test
    void rejectsTemperaturesThatAreNotPositiveAndFinite() {
        for (double tau : new double[] {0, -1, Double.NaN, Double.POSITIVE_INFINITY}) {
            assertThatThrownBy(() -> BradleyTerry.fromRewards(REWARDS, tau))
                    .hasMessage("temperature tau must be positive and finite, got " + tau);
        }
    }

    @Test
    void rejectsNonFiniteRewards() {
        assertThatThrownBy(() -> BradleyTerry.fromRewards(new double[] {0.1, Double.NaN}, 1))
                .hasMessage("rewards[1] = NaN is not finite");
    }
}
