package dev.sppo.loss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class IpoLossTest {

    private final NDManager manager = NDManager.newBaseManager();

    @AfterEach
    void close() {
        manager.close();
    }

    @Test
    void squaredMarginErrorMatchesTrlFormula() {
        // beta = 0.25, 1/(2 beta) = 2; a - b = [1.5, -1.5]
        // pair 1: (1.5 - 2)^2 = 0.25; pair 2: (-1.5 - 2)^2 = 12.25; mean: 6.25
        double loss = Pairs.value(new IpoLoss(0.25).loss(Pairs.batch(manager, Pairs.EXAMPLE)));

        assertThat(loss).isCloseTo(6.25, within(1e-6));
    }

    @Test
    void lossIsZeroWhenTheMarginIsOneOverTwoBeta() {
        // beta = 0.1: margin a - b = 5 in both pairs, whatever a and b are on their own
        double[][] onTarget = {
            {2.0, -1.0}, {-3.0, -6.0}, {0.0, 0.0}, {0.0, 0.0}, {0.5, 0.5}, {0.5, 0.5}
        };

        double loss = Pairs.value(new IpoLoss(0.1).loss(Pairs.batch(manager, onTarget)));

        assertThat(loss).isCloseTo(0.0, within(1e-10));
    }

    @Test
    void reportsItsConfigurationName() {
        assertThat(new IpoLoss(0.1).name()).isEqualTo("ipo");
    }
}
