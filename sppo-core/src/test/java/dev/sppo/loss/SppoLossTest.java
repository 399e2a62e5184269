package dev.sppo.loss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SppoLossTest {

    private final NDManager manager = NDManager.newBaseManager();

    @AfterEach
    void close() {
        manager.close();
    }

    @Test
    void winnerAndLoserTermsMatchOfficialFormula() {
        // beta = 0.5, eta = 2; a = [0.5, -1.0], b = [-1.0, 0.5], Phat_w = [0.75, 0.6], Phat_l = [0.25, 0.4]
        // targets: eta*(Phat_w - 1/2) = [0.5, 0.2], eta*(Phat_l - 1/2) = [-0.5, -0.2]
        // pair 1: ((0.5 - 0.5)^2 + (-1.0 + 0.5)^2) / 2 = (0 + 0.25) / 2 = 0.125
        // pair 2: ((-1.0 - 0.2)^2 + (0.5 + 0.2)^2) / 2 = (1.44 + 0.49) / 2 = 0.965
        // mean: (0.125 + 0.965) / 2 = 0.545
        NDArray loss = new SppoLoss(0.5).loss(Pairs.batch(manager, Pairs.EXAMPLE));

        assertThat(loss.getShape().dimension()).isZero();
        assertThat(Pairs.value(loss)).isCloseTo(0.545, within(1e-6));
    }

    @Test
    void lossIsZeroWhenLogRatiosHitTheirTargets() {
        // beta = 0.25, eta = 4: a = 4*(Phat_w - 1/2) = [1.0, 0.4], b = 4*(Phat_l - 1/2) = [-1.0, -0.4]
        double[][] onTarget = {
            {1.0, 0.4}, {-1.0, -0.4}, {0.0, 0.0}, {0.0, 0.0}, {0.75, 0.6}, {0.25, 0.4}
        };

        double loss = Pairs.value(new SppoLoss(0.25).loss(Pairs.batch(manager, onTarget)));

        assertThat(loss).isCloseTo(0.0, within(1e-12));
    }

    @Test
    void equalsTheAllResponsesLossOverWinnersAndLosers() {
        PairBatch pairs = Pairs.batch(manager, Pairs.EXAMPLE);
        ResponseBatch responses = new ResponseBatch(
                pairs.policyChosen().concat(pairs.policyRejected()),
                pairs.referenceChosen().concat(pairs.referenceRejected()),
                pairs.winRateChosen().concat(pairs.winRateRejected()));

        double pairLoss = Pairs.value(new SppoLoss(0.1).loss(pairs));
        double responseLoss = Pairs.value(new SppoAllLoss(0.1).loss(responses));

        assertThat(pairLoss).isCloseTo(responseLoss, within(1e-6));
    }

    @Test
    void reportsItsConfigurationName() {
        assertThat(new SppoLoss(0.1).name()).isEqualTo("sppo");
    }
}
