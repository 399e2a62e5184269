package dev.sppo.loss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DpoLossTest {

    private final NDManager manager = NDManager.newBaseManager();

    @AfterEach
    void close() {
        manager.close();
    }

    @Test
    void sigmoidLossMatchesHandComputedValue() {
        // beta = 0.5; a - b = [0.5 + 1.0, -1.0 - 0.5] = [1.5, -1.5]; beta * (a - b) = [0.75, -0.75]
        // -log sigmoid(0.75)  = ln(1 + e^-0.75) = ln(1.4723666) = 0.3868710
        // -log sigmoid(-0.75) = ln(1 + e^0.75)  = 0.75 + 0.3868710 = 1.1368710
        // mean: (0.3868710 + 1.1368710) / 2 = 0.7618710
        double loss = Pairs.value(new DpoLoss(0.5).loss(Pairs.batch(manager, Pairs.EXAMPLE)));

        assertThat(loss).isCloseTo(0.7618710, within(1e-6));
    }

    @Test
    void equalLogRatiosCostLnTwo() {
        // a = b = [0.3, -0.2]: -log sigmoid(0) = ln 2 for every pair
        double[][] equal = {
            {0.3, -0.2}, {0.3, -0.2}, {0.0, 0.0}, {0.0, 0.0}, {0.9, 0.5}, {0.1, 0.5}
        };

        double loss = Pairs.value(new DpoLoss(0.1).loss(Pairs.batch(manager, equal)));

        assertThat(loss).isCloseTo(Math.log(2), within(1e-6));
    }

    @Test
    void hugeMarginsStayFinite() {
        // beta * (a - b) = [+1000, -1000]: losses [0, 1000], mean 500 (a naive log(sigmoid) gives infinity)
        double[][] huge = {
            {1000, -1000}, {-1000, 1000}, {0.0, 0.0}, {0.0, 0.0}, {0.5, 0.5}, {0.5, 0.5}
        };

        double loss = Pairs.value(new DpoLoss(0.5).loss(Pairs.batch(manager, huge)));

        assertThat(loss).isCloseTo(500.0, within(1e-3));
    }

    @Test
    void reportsItsConfigurationName() {
        assertThat(new DpoLoss(0.1).name()).isEqualTo("dpo");
    }
}
