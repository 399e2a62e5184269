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
        assertThatThrownBy(() -> OptimizerConfig.builder().kind(null).build())
                .hasMessage("kind must be one of ADAMW, RMSPROP, got null");
        assertThatThrownBy(() -> OptimizerConfig.builder().learningRate(0).build())
                .hasMessage("learningRate must be positive and finite, got 0.0");
        assertThatThrownBy(() -> OptimizerConfig.builder().alpha(1.0).build())
                .hasMessage("alpha must be in [0, 1), got 1.0");
        assertThatThrownBy(() -> OptimizerConfig.builder().warmupRatio(-0.1).build())
                .hasMessage("warmupRatio must be in [0, 1], got -0.1");
        assertThatThrownBy(() -> OptimizerConfig.builder().maxGradNorm(Double.NaN).build())
                .hasMessage("maxGradNorm must be positive (infinity for no limit), got NaN");
    }

    @Test
    void builderChangesOnlyTheNamedSettings() {
        OptimizerConfig d = OptimizerConfig.defaults();

        OptimizerConfig tuned = OptimizerConfig.builder().learningRate(3e-3).beta2(0.98).build();

        assertThat(tuned.learningRate()).isEqualTo(3e-3);
        assertThat(tuned.beta2()).isEqualTo(0.98);
        assertThat(tuned).usingRecursiveComparison().ignoringFields("learningRate", "beta2").isEqualTo(d);
    }

    @Test
    void infiniteMaximumNormDisablesClipping() {
        OptimizerConfig unclipped = OptimizerConfig.builder().learningRate(1e-3).maxGradNorm(Double.POSITIVE_INFINITY)
                .build();

        assertThat(unclipped.maxGradNorm()).isInfinite();
    }
}
