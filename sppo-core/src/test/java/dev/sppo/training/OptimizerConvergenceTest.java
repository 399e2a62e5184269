package dev.sppo.training;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class OptimizerConvergenceTest {

    private final NDManager manager = NDManager.newBaseManager();

    @AfterEach
    void close() {
        manager.close();
    }

    @ParameterizedTest
    @EnumSource(OptimizerConfig.Kind.class)
    void minimisesAQuadraticUnderTheWarmupDecaySchedule(OptimizerConfig.Kind kind) {
        OptimizerConfig config = OptimizerConfig.builder().kind(kind).learningRate(0.1).maxGradNorm(10.0).build();
        Parameter w = Params.of(manager, "w", 0f, 0f, 0f);
        float[] target = {3f, -1f, 0.5f};

        OptimizerTraining.minimise(manager, w, target, config.newOptimizer(), config.schedule(300), 10.0, true);

        assertThat(Params.values(w)).containsExactly(target, Offset.offset(1e-2f));
    }
}
