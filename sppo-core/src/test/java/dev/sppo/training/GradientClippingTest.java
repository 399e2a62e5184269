package dev.sppo.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GradientClippingTest {

    private final NDManager manager = NDManager.newBaseManager();
    private final Parameter first = Params.of(manager, "first", 0f, 0f);
    private final Parameter second = Params.of(manager, "second", 0f);
    private final List<Parameter> params = List.of(first, second);

    @AfterEach
    void close() {
        manager.close();
    }

    @Test
    void largeGradientsAreScaledToTheMaximumGlobalNorm() {
        // grads [3, 4] and [12]: norm sqrt(9 + 16 + 144) = 13; scale 6.5 / (13 + 1e-6) ~ 0.5
        Params.setGradients(manager, params, new float[] {3f, 4f}, new float[] {12f});

        double norm = GradientClipping.clipByGlobalNorm(params, 6.5);

        assertThat(norm).isCloseTo(13.0, within(1e-9));
        assertThat(Params.gradient(first)).containsExactly(new float[] {1.5f, 2f}, Offset.offset(1e-6f));
        assertThat(Params.gradient(second)).containsExactly(new float[] {6f}, Offset.offset(1e-6f));
        assertThat(GradientClipping.clipByGlobalNorm(params, 100.0)).isCloseTo(6.5, within(1e-5));
    }

    @Test
    void smallGradientsAreLeftExactlyAsTheyAre() {
        Params.setGradients(manager, params, new float[] {3f, 4f}, new float[] {12f});

        double norm = GradientClipping.clipByGlobalNorm(params, 13.5);

        assertThat(norm).isCloseTo(13.0, within(1e-9));
        assertThat(Params.gradient(first)).containsExactly(3f, 4f);
        assertThat(Params.gradient(second)).containsExactly(12f);
    }

    @Test
    void frozenParametersDoNotCountTowardsTheNorm() {
        // only [3, 4] counts: norm 5, scaled to norm 1 -> [0.6, 0.8]
        Params.setGradients(manager, params, new float[] {3f, 4f}, new float[] {12f});
        second.freeze(true);

        double norm = GradientClipping.clipByGlobalNorm(params, 1.0);

        assertThat(norm).isCloseTo(5.0, within(1e-9));
        assertThat(Params.gradient(first)).containsExactly(new float[] {0.6f, 0.8f}, Offset.offset(1e-6f));
    }

    @Test
    void maximumNormMustBePositive() {
        assertThatThrownBy(() -> GradientClipping.clipByGlobalNorm(params, 0.0))
                .hasMessage("maxNorm must be positive (infinity for no limit), got 0.0");
    }
}
