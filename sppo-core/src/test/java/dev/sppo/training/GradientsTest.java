package dev.sppo.training;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GradientsTest {

    private final NDManager manager = NDManager.newBaseManager();

    @AfterEach
    void close() {
        manager.close();
    }

    @Test
    void zeroClearsEvenNonFiniteGradients() {
        Parameter w = Params.of(manager, "w", 1f, 2f, 3f);
        List<Parameter> params = List.of(w);
        Params.setGradients(manager, params, new float[] {Float.NaN, Float.POSITIVE_INFINITY, 5f});

        Gradients.zero(params);

        assertThat(Params.gradient(w)).containsExactly(0f, 0f, 0f);
    }

    @Test
    void onlyInitialisedUnfrozenParametersWithAGradientArePresent() {
        Parameter trainable = Params.of(manager, "trainable", 1f);
        Parameter frozen = Params.of(manager, "frozen", 1f);
        frozen.freeze(true);
        Parameter detached = Params.of(manager, "detached", 1f);
        detached.getArray().setRequiresGradient(false);

        assertThat(Gradients.present(trainable)).isTrue();
        assertThat(Gradients.present(frozen)).isFalse();
        assertThat(Gradients.present(detached)).isFalse();
    }
}
