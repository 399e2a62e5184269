package dev.sppo.loss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SppoHardLossTest {

    private final NDManager manager = NDManager.newBaseManager();

    @AfterEach
    void close() {
        manager.close();
    }

    @Test
    void hardTargetsMatchTrlFormula() {
        // beta = 0.5, 1/(2 beta) = 1; a = [0.5, -1.0], b = [-1.0, 0.5]
        // pair 1: (0.5 - 1)^2 + (-1.0 + 1)^2 = 0.25 + 0 = 0.25
        // pair 2: (-1.0 - 1)^2 + (0.5 + 1)^2 = 4 + 2.25 = 6.25
        // mean: (0.25 + 6.25) / 2 = 3.25
        double loss = Pairs.value(new SppoHardLoss(0.5).loss(Pairs.batch(manager, Pairs.EXAMPLE)));

        assertThat(loss).isCloseTo(3.25, within(1e-6));
    }

    @Test
    void isTwiceSppoWithWinRatesOneAndZero() {
        double[][] hard = Pairs.EXAMPLE.clone();
        hard[4] = new double[] {1.0, 1.0};
        hard[5] = new double[] {0.0, 0.0};

        double hardLoss = Pairs.value(new SppoHardLoss(0.2).loss(Pairs.batch(manager, Pairs.EXAMPLE)));
        double sppoLoss = Pairs.value(new SppoLoss(0.2).loss(Pairs.batch(manager, hard)));

        assertThat(hardLoss).isCloseTo(2 * sppoLoss, within(1e-5));
    }

    @Test
    void ignoresTheEstimatedWinRates() {
        double[][] otherWinRates = Pairs.EXAMPLE.clone();
        otherWinRates[4] = new double[] {0.1, 0.9};
        otherWinRates[5] = new double[] {0.3, 0.7};

        double loss = Pairs.value(new SppoHardLoss(0.5).loss(Pairs.batch(manager, otherWinRates)));

        assertThat(loss).isCloseTo(3.25, within(1e-6));
    }

    @Test
    void reportsItsConfigurationName() {
        assertThat(new SppoHardLoss(0.1).name()).isEqualTo("sppo_hard");
    }
}
