package dev.sppo.loss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SppoAllLossTest {

    private final NDManager manager = NDManager.newBaseManager();

    @AfterEach
    void close() {
        manager.close();
    }

    private ResponseBatch responses(double[] policy, double[] reference, double[] winRate) {
        NDArray[] arrays = Pairs.arrays(manager, DataType.FLOAT32, new double[][] {policy, reference, winRate});
        return new ResponseBatch(arrays[0], arrays[1], arrays[2]);
    }

    @Test
    void everyResponseIsPulledTowardsItsOwnTarget() {
        // beta = 0.5, eta = 2; log-ratios = [-1 + 1.5, -2 + 2, -3 + 2] = [0.5, 0.0, -1.0]
        // targets = 2 * ([0.8, 0.5, 0.2] - 0.5) = [0.6, 0.0, -0.6]
        // squared errors = [0.01, 0.0, 0.16]; mean = 0.17 / 3 = 0.0566667
        ResponseBatch batch = responses(new double[] {-1, -2, -3}, new double[] {-1.5, -2, -2},
                new double[] {0.8, 0.5, 0.2});

        double loss = Pairs.value(new SppoAllLoss(0.5).loss(batch));

        assertThat(loss).isCloseTo(0.17 / 3, within(1e-6));
    }

    @Test
    void aResponseWinningHalfItsDuelsKeepsItsReferenceProbability() {
        // Phat = 1/2 gives target 0 for every beta, so an unchanged policy has zero loss.
        ResponseBatch batch = responses(new double[] {-4.2, -0.3}, new double[] {-4.2, -0.3},
                new double[] {0.5, 0.5});

        assertThat(Pairs.value(new SppoAllLoss(0.001).loss(batch))).isZero();
    }

    @Test
    void reportsItsConfigurationName() {
        assertThat(new SppoAllLoss(0.1).name()).isEqualTo("sppo_all");
    }
}
