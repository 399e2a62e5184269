package dev.sppo.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LinearWarmupDecayTest {

    @Test
    void warmsUpLinearlyThenDecaysToZeroAsHuggingFace() {
        // total 100, ratio 0.1: W = ceil(10.0) = 10
        // s < 10: 1e-3 * s / 10; s >= 10: 1e-3 * (100 - s) / 90
        LinearWarmupDecay schedule = new LinearWarmupDecay(1e-3, 100, 0.1);

        assertThat(schedule.warmupSteps()).isEqualTo(10);
        assertThat(schedule.learningRate(0)).isZero();
        assertThat(schedule.learningRate(5)).isCloseTo(5e-4, within(1e-15));
        assertThat(schedule.learningRate(10)).isCloseTo(1e-3, within(1e-15));
        assertThat(schedule.learningRate(55)).isCloseTo(5e-4, within(1e-15));
        assertThat(schedule.learningRate(99)).isCloseTo(1e-3 / 90, within(1e-15));
    }

    @Test
    void warmupLengthRoundsUpAsTheHuggingFaceTrainer() {
        // total 21, ratio 0.1: 2.1 warmup steps -> ceil = 3 (rounding would give 2)
        // s = 2: 2/3 of the peak; s = 3: the peak; s = 12: (21 - 12) / (21 - 3) = 0.5 of the peak
        LinearWarmupDecay schedule = new LinearWarmupDecay(6e-4, 21, 0.1);

        assertThat(schedule.warmupSteps()).isEqualTo(3);
        assertThat(schedule.learningRate(2)).isCloseTo(4e-4, within(1e-15));
        assertThat(schedule.learningRate(3)).isCloseTo(6e-4, within(1e-15));
        assertThat(schedule.learningRate(12)).isCloseTo(3e-4, within(1e-15));
    }

    @Test
    void withoutWarmupStartsAtThePeak() {
        // W = 0: lr(s) = 2e-3 * (4 - s) / 4 = [2e-3, 1.5e-3, 1e-3, 5e-4]
        LinearWarmupDecay schedule = new LinearWarmupDecay(2e-3, 4, 0.0);

        assertThat(schedule.learningRate(0)).isEqualTo(2e-3);
        assertThat(schedule.learningRate(1)).isCloseTo(1.5e-3, within(1e-15));
        assertThat(schedule.learningRate(3)).isCloseTo(5e-4, within(1e-15));
    }

    @Test
    void stepsOutsideTheRunAreRejected() {
        LinearWarmupDecay schedule = new LinearWarmupDecay(1e-3, 10, 0.1);

        assertThatThrownBy(() -> schedule.learningRate(10)).hasMessage("step 10 is outside [0, 10)");
        assertThatThrownBy(() -> schedule.learningRate(-1)).hasMessage("step -1 is outside [0, 10)");
    }

    @Test
    void invalidSettingsAreNamed() {
        assertThatThrownBy(() -> new LinearWarmupDecay(1e-3, 0, 0.1)).hasMessage("totalSteps must be at least 1, got 0");
        assertThatThrownBy(() -> new LinearWarmupDecay(1e-3, 10, 1.5))
                .hasMessage("warmupRatio must be in [0, 1], got 1.5");
    }
}
