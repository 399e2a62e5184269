package dev.sppo.training;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class OptimizerStateTest {

    private static final float[] TARGET = {2f, -3f};

    private final NDManager manager = NDManager.newBaseManager();

    @AfterEach
    void close() {
        manager.close();
    }

    private static OptimizerConfig config(OptimizerConfig.Kind kind) {
        return OptimizerConfig.builder().kind(kind).learningRate(0.05).weightDecay(0.01).build();
    }

    private float[] fiftyStepsFromOrigin(OptimizerConfig.Kind kind, boolean scoped) {
        Parameter w = Params.of(manager, "w", 0f, 0f);
        OptimizerTraining.minimise(manager, w, TARGET, config(kind).newOptimizer(), config(kind).schedule(50), 1.0,
                scoped);
        return Params.values(w);
    }

    /** w = [1, 2] with gradient [0.5, -0.5]. */
    private List<Parameter> parameterWithGradient() {
        List<Parameter> params = List.of(Params.of(manager, "w", 1f, 2f));
        Params.setGradients(manager, params, new float[] {0.5f, -0.5f});
        return params;
    }

    @ParameterizedTest
    @EnumSource(OptimizerConfig.Kind.class)
    void stateSurvivesFiftyStepsThatEachRunInsideAScope(OptimizerConfig.Kind kind) {
        float[] scoped = fiftyStepsFromOrigin(kind, true);
        float[] unscoped = fiftyStepsFromOrigin(kind, false);

        assertThat(scoped).containsExactly(unscoped);
        assertThat(scoped[0]).isGreaterThan(0.5f);
    }

    @ParameterizedTest
    @EnumSource(OptimizerConfig.Kind.class)
    void stepsLeaveNoTemporariesBehind(OptimizerConfig.Kind kind) {
        List<Parameter> params = parameterWithGradient();
        Optimizer optimizer = config(kind).newOptimizer();
        optimizer.step(params, 0.01);
        int arraysAfterFirstStep = manager.getManagedArrays().size();

        for (int step = 0; step < 20; step++) {
            optimizer.step(params, 0.01);
        }

        assertThat(manager.getManagedArrays()).hasSize(arraysAfterFirstStep);
    }

    @ParameterizedTest
    @EnumSource(OptimizerConfig.Kind.class)
    void stepsAreNotRecordedByAutogradEvenInsideAGradientCollector(OptimizerConfig.Kind kind) {
        // torch refuses in-place updates of a leaf that requires grad while autograd records
        List<Parameter> params = parameterWithGradient();
        Parameter w = params.get(0);

        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            config(kind).newOptimizer().step(params, 0.1);
        }
        Params.setGradients(manager, params, new float[] {1f, 1f});

        assertThat(Params.values(w)[0]).isLessThan(1f);
        assertThat(Params.gradient(w)).containsExactly(1f, 1f);
    }
}
