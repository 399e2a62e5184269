package dev.sppo.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AdamWTest {

    private final NDManager manager = NDManager.newBaseManager();

    @AfterEach
    void close() {
        manager.close();
    }

    @Test
    void twoStepsMatchTorchAdamWByHand() {
        // lr = 0.1, beta1 = 0.9, beta2 = 0.999, eps = 1e-8, weight decay 0.01; w = [1, -2]
        Parameter w = Params.of(manager, "w", 1f, -2f);
        List<Parameter> params = List.of(w);
        AdamW adamW = new AdamW(0.9, 0.999, 1e-8, 0.01);

        // step 1, g = [0.5, -1]: decay w *= 1 - 0.1*0.01 = 0.999 -> [0.999, -1.998]
        // m = 0.1*g = [0.05, -0.1]; v = 0.001*g^2 = [0.00025, 0.001]; bias corrections 0.1 and 0.001
        // denominator = sqrt(v)/sqrt(0.001) + eps = [0.50000001, 1.00000001]
        // w -= (0.1/0.1) * m / denominator = [0.099999998, -0.099999999] -> [0.899000002, -1.898000001]
        Params.setGradients(manager, params, new float[] {0.5f, -1f});
        adamW.step(params, 0.1);
        assertThat(Params.values(w)).containsExactly(new float[] {0.899000002f, -1.898000001f}, Offset.offset(1e-6f));

        // step 2, g = [0.2, 0.4]: decay -> [0.898101002, -1.896102001]
        // m = 0.9*m + 0.1*g = [0.065, -0.05]; v = 0.999*v + 0.001*g^2 = [0.00028975, 0.001159]
        // bias corrections 1 - 0.9^2 = 0.19 and 1 - 0.999^2 = 0.001999
        // denominator = sqrt(v)/sqrt(0.001999) + eps = [0.380719689, 0.761439367]
        // w -= (0.1/0.19) * m / denominator = [0.089857518, -0.034560584] -> [0.808243484, -1.861541417]
        Params.setGradients(manager, params, new float[] {0.2f, 0.4f});
        adamW.step(params, 0.1);
        assertThat(Params.values(w)).containsExactly(new float[] {0.808243484f, -1.861541417f}, Offset.offset(1e-6f));
    }

    @Test
    void frozenParametersAreLeftAlone() {
        Parameter trained = Params.of(manager, "trained", 1f);
        Parameter frozen = Params.of(manager, "frozen", 1f);
        List<Parameter> params = List.of(trained, frozen);
        Params.setGradients(manager, params, new float[] {1f}, new float[] {1f});
        frozen.freeze(true);

        new AdamW(0.9, 0.999, 1e-8, 0.5).step(params, 0.1);

        assertThat(Params.values(frozen)).containsExactly(1f);
        assertThat(Params.values(trained)[0]).isLessThan(1f);
    }

    @Test
    void aStepKeepsTheGradientAndTheParameterTrainable() {
        Parameter w = Params.of(manager, "w", 1f, 2f);
        List<Parameter> params = List.of(w);
        Params.setGradients(manager, params, new float[] {3f, -4f});

        new AdamW(0.9, 0.999, 1e-8, 0.0).step(params, 0.01);

        assertThat(Params.gradient(w)).containsExactly(3f, -4f);
        assertThat(w.getArray().hasGradient()).isTrue();
    }

    @Test
    void invalidSettingsAreNamed() {
        assertThatThrownBy(() -> new AdamW(1.0, 0.999, 1e-8, 0.0)).hasMessage("beta1 must be in [0, 1), got 1.0");
        assertThatThrownBy(() -> new AdamW(0.9, -0.1, 1e-8, 0.0)).hasMessage("beta2 must be in [0, 1), got -0.1");
        assertThatThrownBy(() -> new AdamW(0.9, 0.999, 0.0, 0.0))
                .hasMessage("epsilon must be positive and finite, got 0.0");
        assertThatThrownBy(() -> new AdamW(0.9, 0.999, 1e-8, 0.0).step(List.of(), -1e-3))
                .hasMessage("learningRate must be >= 0 and finite, got -0.001");
    }
}
