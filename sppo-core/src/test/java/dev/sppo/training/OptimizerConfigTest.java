package dev.sppo.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class OptimizerConfigTest {

    @Test
    void officialSppoIsRmsPropWithTorchDefaultsAndWarmup() {
        OptimizerConfig official = OptimizerConfig.officialSppo();

        assertThat(official.kind()).isEqualTo(OptimizerConfig.Kind.RMSPROP);
        assertThat(official.learningRate()).isEqualTo(5e-7);
        assertThat(official.warmupRatio()).isEqualTo(0.1);
        assertThat(official.alpha()).isEqualTo(0.99);
        assertThat(official.epsilon()).isEqualTo(1e-8);
        assertThat(official.weightDecay()).isZero();
        assertThat(official.newOptimizer()).isInstanceOf(RmsProp.class);
    }

    @Test
    void defaultsUseAdamW() {
        assertThat(OptimizerConfig.defaults().newOptimizer()).isInstanceOf(AdamW.class);
    }

    @Test
    void scheduleUsesThePeakRateAndWarmupRatio() {
        // warmup ceil(0.1 * 40) = 4 steps; step 4 is the peak 5e-7
        LinearWarmupDecay schedule = OptimizerConfig.officialSppo().schedule(40);

        assertThat(schedule.warmupSteps()).isEqualTo(4);
        assertThat(schedule.learningRate(4)).isEqualTo(5e-7);
    }

    @Test
    void validationNamesTheField() {
        OptimizerConfig d = OptimizerConfig.defaults();

        assertThatThrownBy(() -> new OptimizerConfig(null, 1e-3, 0, 0.9, 0.999, 0.99, 1e-8, 0.1, 1.0))
                .hasMessage("kind must be one of ADAMW, RMSPROP, got null");
        assertThatThrownBy(() -> new OptimizerConfig(d.kind(), 0, 0, 0.9, 0.999, 0.99, 1e-8, 0.1, 1.0))
                .hasMessage("learningRate must be positive and finite, got 0.0");
        assertThatThrownBy(() -> new OptimizerConfig(d.kind(), 1e-3, 0, 0.9, 0.999, 1.0, 1e-8, 0.1, 1.0))
                .hasMessage("alpha must be in [0, 1), got 1.0");
        assertThatThrownBy(() -> new OptimizerConfig(d.kind(), 1e-3, 0, 0.9, 0.999, 0.99, 1e-8, -0.1, 1.0))
                .hasMessage("warmupRatio must be in [0, 1], got -0.1");
        assertThatThrownBy(() -> new OptimizerConfig(d.kind(), 1e-3, 0, 0.9, 0.999, 0.99, 1e-8, 0.1, Double.NaN))
                .hasMessage("maxGradNorm must be positive (infinity for no limit), got NaN");
    }

    @Test
    void infiniteMaximumNormDisablesClipping() {
        OptimizerConfig unclipped = new OptimizerConfig(OptimizerConfig.Kind.ADAMW, 1e-3, 0, 0.9, 0.999, 0.99, 1e-8,
                0.1, Double.POSITIVE_INFINITY);

        assertThat(unclipped.maxGradNorm()).isInfinite();
    }
}
