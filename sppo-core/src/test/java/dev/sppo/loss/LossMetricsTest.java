package dev.sppo.loss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LossMetricsTest {

    private final NDManager manager = NDManager.newBaseManager();

    @AfterEach
    void close() {
        manager.close();
    }

    @Test
    void summarisesLogRatiosAccuracyAndTheReferenceLogRatio() {
        // a = [0.5, -1.0], b = [-1.0, 0.5]
        // mean a = -0.25, mean b = -0.25; a > b only in pair 1: accuracy 0.5
        // reference - policy = [-a, -b] = [-0.5, 1.0, 1.0, -0.5]: mean 1.0 / 4 = 0.25
        LossMetrics metrics = LossMetrics.of(0.545, Pairs.batch(manager, Pairs.EXAMPLE));

        assertThat(metrics.loss()).isEqualTo(0.545);
        assertThat(metrics.meanLogRatioChosen()).isCloseTo(-0.25, within(1e-6));
        assertThat(metrics.meanLogRatioRejected()).isCloseTo(-0.25, within(1e-6));
        assertThat(metrics.rewardAccuracy()).isEqualTo(0.5);
        assertThat(metrics.referenceLogRatio()).isCloseTo(0.25, within(1e-6));
    }

    @Test
    void tiedLogRatiosDoNotCountAsCorrect() {
        double[][] tied = {{-1.0}, {-2.0}, {-1.0}, {-2.0}, {0.9}, {0.1}};

        LossMetrics metrics = LossMetrics.of(0.0, Pairs.batch(manager, tied));

        assertThat(metrics.rewardAccuracy()).isZero();
        assertThat(metrics.referenceLogRatio()).isZero();
    }

    @Test
    void readingMetricsInsideAGradientCollectorLeavesTheGradientsAlone() {
        PairBatch batch = Pairs.batch(manager, Pairs.EXAMPLE);
        batch.policyChosen().setRequiresGradient(true);

        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            NDArray loss = new SppoLoss(0.5).loss(batch);
            LossMetrics.of(Pairs.value(loss), batch);
            collector.backward(loss);
        }

        // d/d policyChosen of the SPPO loss: (a - eta*(Phat_w - 1/2)) / B = [0.0, -1.2] / 2
        assertThat(batch.policyChosen().getGradient().toFloatArray()).containsExactly(new float[] {0.0f, -0.6f},
                Offset.offset(1e-6f));
    }
}
