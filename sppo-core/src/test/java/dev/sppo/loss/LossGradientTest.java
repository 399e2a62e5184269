package dev.sppo.loss;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.util.Arrays;
import java.util.function.Function;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class LossGradientTest {

    /** Three pairs away from every loss's minimum, in record order. */
    private static final double[][] PAIRS = {
        {-1.3, -2.1, -0.7}, {-2.4, -0.9, -1.6}, {-1.1, -1.8, -1.0}, {-2.0, -1.2, -1.5}, {0.7, 0.55, 0.9}, {0.3, 0.45, 0.2}
    };
    private static final int POLICY_CHOSEN = 0;
    private static final int POLICY_REJECTED = 1;
    private static final double BETA = 0.5;

    private final NDManager manager = NDManager.newBaseManager();

    @AfterEach
    void close() {
        manager.close();
    }

    private static Function<NDArray[], NDArray> pairLoss(LossType type) {
        PreferenceLoss loss = type.pairLoss(BETA);
        return arrays -> loss.loss(Pairs.of(arrays));
    }

    private void assertAutogradMatchesCentralDifferences(double[][] inputs, int wrt, Function<NDArray[], NDArray> f) {
        double[] expected = GradientCheck.centralDifferences(manager, inputs, wrt, f);
        double[] actual = GradientCheck.autograd(manager, DataType.FLOAT64, inputs, wrt, f, false);

        assertThat(Arrays.stream(expected).map(Math::abs).max().orElseThrow()).isGreaterThan(1e-2);
        assertThat(actual).containsExactly(expected, Offset.offset(1e-7));
    }

    @ParameterizedTest
    @EnumSource(value = LossType.class, names = "SPPO_ALL", mode = EnumSource.Mode.EXCLUDE)
    void pairLossGradientWithRespectToPolicyChosenMatchesCentralDifferences(LossType type) {
        assertAutogradMatchesCentralDifferences(PAIRS, POLICY_CHOSEN, pairLoss(type));
    }

    @ParameterizedTest
    @EnumSource(value = LossType.class, names = "SPPO_ALL", mode = EnumSource.Mode.EXCLUDE)
    void pairLossGradientWithRespectToPolicyRejectedMatchesCentralDifferences(LossType type) {
        assertAutogradMatchesCentralDifferences(PAIRS, POLICY_REJECTED, pairLoss(type));
    }

    @Test
    void allResponsesLossGradientWithRespectToPolicyMatchesCentralDifferences() {
        double[][] responses = {{-1.3, -2.1, -0.7, -2.4}, {-1.1, -1.8, -1.0, -2.0}, {0.7, 0.55, 0.1, 0.3}};
        ResponseLoss loss = LossType.SPPO_ALL.responseLoss(BETA);

        assertAutogradMatchesCentralDifferences(responses, 0,
                arrays -> loss.loss(new ResponseBatch(arrays[0], arrays[1], arrays[2])));
    }

    @ParameterizedTest
    @EnumSource(value = LossType.class, names = "SPPO_ALL", mode = EnumSource.Mode.EXCLUDE)
    void float32GradientsSurviveGarbageCollectionBetweenForwardAndBackward(LossType type) {
        double[] expected = GradientCheck.centralDifferences(manager, PAIRS, POLICY_CHOSEN, pairLoss(type));

        for (int run = 0; run < 3; run++) {
            double[] actual = GradientCheck.autograd(manager, DataType.FLOAT32, PAIRS, POLICY_CHOSEN,
                    pairLoss(type), true);
            assertThat(actual).containsExactly(expected, Offset.offset(1e-5));
        }
    }

    @Test
    void sppoGradientIsTheLogRatioErrorOverTheResponseCount() {
        // d/d policyChosen_i of (1/(2B)) * sum (a - eta*(Phat_w - 1/2))^2 = (a_i - eta*(Phat_w,i - 1/2)) / B
        // beta = 0.5, eta = 2, B = 3: a = [-0.2, -0.3, 0.3], targets [0.4, 0.1, 0.8]
        // gradient = [-0.6, -0.4, -0.5] / 3
        double[] actual = GradientCheck.autograd(manager, DataType.FLOAT64, PAIRS, POLICY_CHOSEN,
                pairLoss(LossType.SPPO), false);

        assertThat(actual).containsExactly(new double[] {-0.2, -0.4 / 3, -0.5 / 3}, Offset.offset(1e-7));
    }
}
