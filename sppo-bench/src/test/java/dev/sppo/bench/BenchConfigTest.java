package dev.sppo.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BenchConfigTest {

    @Test
    void referenceConfigIsTheIssuesModelAndShapes() {
        BenchConfig config = BenchConfig.defaults();
        assertThat(config.model().vocabSize()).isEqualTo(256);
        assertThat(config.model().hiddenSize()).isEqualTo(256);
        assertThat(config.model().numHiddenLayers()).isEqualTo(4);
        assertThat(config.model().numAttentionHeads()).isEqualTo(8);
        assertThat(config.model().numKeyValueHeads()).isEqualTo(8);
        assertThat(config.model().intermediateSize()).isEqualTo(1024);
        assertThat(config.model().tieWordEmbeddings()).isTrue();
        assertThat(config.tokensPerStep()).isEqualTo(32 * 64);
        assertThat(config.matmulSize()).isEqualTo(1024);
    }

    @Test
    void timedStepsAreSpreadOverTheRoundsWithNoneLost() {
        BenchConfig config = BenchConfig.defaults().withSteps(10);
        assertThat(config.stepsInRound(0)).isEqualTo(4);
        assertThat(config.stepsInRound(1)).isEqualTo(3);
        assertThat(config.stepsInRound(2)).isEqualTo(3);
    }

    @Test
    void overridesChangeOnlyTheirField() {
        BenchConfig config = BenchConfig.defaults().withSteps(7).withWarmupSteps(0);
        assertThat(config.steps()).isEqualTo(7);
        assertThat(config.warmupSteps()).isZero();
        assertThat(config.withSteps(30).withWarmupSteps(3)).isEqualTo(BenchConfig.defaults());
    }

    @Test
    void invalidSettingsAreRefusedByName() {
        assertThatThrownBy(() -> BenchConfig.defaults().withSteps(0)).hasMessage("steps must be > 0, got 0");
        assertThatThrownBy(() -> BenchConfig.defaults().withWarmupSteps(-1))
                .hasMessage("warmupSteps must be >= 0, got -1");
    }
}
