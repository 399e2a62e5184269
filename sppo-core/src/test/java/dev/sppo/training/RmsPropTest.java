package dev.sppo.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RmsPropTest {

    private final NDManager manager = NDManager.newBaseManager();

    @AfterEach
    void close() {
        manager.close();
    }

    @Test
    void twoStepsMatchTorchRmsPropByHand() {
        // lr = 0.01, alpha = 0.99, eps = 1e-8, weight decay 0.1; w = [1, -2]
        Parameter w = Params.of(manager, "w", 1f, -2f);
        List<Parameter> params = List.of(w);
        RmsProp rmsProp = new RmsProp(0.99, 1e-8, 0.1);

        // step 1, g = [0.5, -1]: g + 0.1*w = [0.6, -1.2]
        // v = 0.01*g^2 = [0.0036, 0.0144]; sqrt(v) = [0.06, 0.12]
        // w -= 0.01 * g / (sqrt(v) + eps) = [0.099999983, -0.099999992] -> [0.900000017, -1.900000008]
        Params.setGradients(manager, params, new float[] {0.5f, -1f});
        rmsProp.step(params, 0.01);
        assertThat(Params.values(w)).containsExactly(new float[] {0.900000017f, -1.900000008f}, Offset.offset(1e-6f));

        // step 2, g = [0.2, 0.4]: g + 0.1*w = [0.290000002, 0.209999999]
        // v = 0.99*v + 0.01*g^2 = [0.003564 + 0.000841, 0.014256 + 0.000441] = [0.004405, 0.014697]
        // sqrt(v) = [0.066370174, 0.121231184]
        // w -= 0.01 * g / (sqrt(v) + eps) = [0.043694320, 0.017322274] -> [0.856305697, -1.917322283]
        Params.setGradients(manager, params, new float[] {0.2f, 0.4f});
        rmsProp.step(params, 0.01);
        assertThat(Params.values(w)).containsExactly(new float[] {0.856305697f, -1.917322283f}, Offset.offset(1e-6f));
    }

    @Test
    void zeroLearningRateStillAccumulatesTheSquareAverage() {
        // step 1 at lr 0: w stays 1, v = 0.01 * 2^2 = 0.04
        // step 2 at lr 0.1 with g = 2: v = 0.99*0.04 + 0.01*4 = 0.0796; w = 1 - 0.1*2/sqrt(0.0796) = 0.291119
        Parameter w = Params.of(manager, "w", 1f);
        List<Parameter> params = List.of(w);
        RmsProp rmsProp = new RmsProp(0.99, 1e-8, 0.0);
        Params.setGradients(manager, params, new float[] {2f});

        rmsProp.step(params, 0.0);
        assertThat(Params.values(w)).containsExactly(1f);
        rmsProp.step(params, 0.1);

        assertThat(Params.values(w)).containsExactly(new float[] {0.291119f}, Offset.offset(1e-5f));
    }

    @Test
    void invalidSettingsAreNamed() {
        assertThatThrownBy(() -> new RmsProp(-0.5, 1e-8, 0.0)).hasMessage("alpha must be in [0, 1), got -0.5");
        assertThatThrownBy(() -> new RmsProp(0.99, 1e-8, Double.NaN))
                .hasMessage("weightDecay must be >= 0 and finite, got NaN");
    }
}
