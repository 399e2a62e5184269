package dev.sppo.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class TrainingResultTest {

    private static final BenchConfig CONFIG = BenchConfig.quick();
    private static final long FLOPS = FlopCount.trainingStep(CONFIG.model(), CONFIG.trainBatch(),
            CONFIG.trainLength());

    @Test
    void throughputComesFromTheMedianStep() {
        TrainingResult result = TrainingResult.of(CONFIG, new double[] {4, 1, 2}, new double[] {1, 1, 1}, 1);
        assertThat(result.medianStepMillis()).isEqualTo(2);
        assertThat(result.tokensPerSecond()).isEqualTo(2 * 8 * 1000.0 / 2);
        assertThat(result.achievedGflops()).isCloseTo(FLOPS / 2e6, within(1e-12));
        assertThat(result.flopsPerStep()).isEqualTo(FLOPS);
        assertThat(result.steps()).isEqualTo(3);
    }

    @Test
    void eachStepIsComparedWithThePeakMeasuredRightBeforeIt() {
        double[] millis = {1, 2, 4};
        double[] factors = {2, 4, 1};
        double[] peaks = new double[3];
        for (int i = 0; i < 3; i++) {
            peaks[i] = FLOPS / (millis[i] * 1e6) * factors[i];
        }
        TrainingResult result = TrainingResult.of(CONFIG, millis, peaks, 1);
        // the steps reach 50 %, 25 % and 100 % of their own peaks
        assertThat(result.percentOfNearestPeak()).isCloseTo(50, within(1e-9));
    }

    @Test
    void bestPeakRatioUsesTheMedianRate() {
        double achieved = FLOPS / 2e6;
        TrainingResult result = TrainingResult.of(CONFIG, new double[] {2}, new double[] {1}, achieved * 4);
        assertThat(result.percentOfBestPeak()).isCloseTo(25, within(1e-9));
    }

    @Test
    void everyStepNeedsItsPeak() {
        assertThatThrownBy(() -> TrainingResult.of(CONFIG, new double[] {1, 2}, new double[] {1}, 1))
                .hasMessageContaining("one value per timed step");
    }
}
