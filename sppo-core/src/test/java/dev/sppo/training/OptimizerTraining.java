package dev.sppo.training;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import java.util.List;

/** Runs the trainer's step loop on the quadratic loss sum((w - target)^2). */
final class OptimizerTraining {

    private OptimizerTraining() {
    }

    /**
     * Minimises sum((w - target)^2) for {@code schedule.totalSteps()} steps: per step zero the
     * gradients, back-propagate, clip to {@code maxGradNorm} and step. With {@code scoped}, each step
     * runs entirely inside an {@link NDScope}, the optimizer step included.
     */
    static void minimise(NDManager manager, Parameter w, float[] target, Optimizer optimizer,
            LinearWarmupDecay schedule, double maxGradNorm, boolean scoped) {
        List<Parameter> params = List.of(w);
        for (int step = 0; step < schedule.totalSteps(); step++) {
            if (scoped) {
                try (NDScope scope = new NDScope()) {
                    step(manager, params, target, optimizer, schedule.learningRate(step), maxGradNorm);
                }
            } else {
                step(manager, params, target, optimizer, schedule.learningRate(step), maxGradNorm);
            }
        }
    }

    private static void step(NDManager manager, List<Parameter> params, float[] target, Optimizer optimizer,
            double learningRate, double maxGradNorm) {
        Gradients.zero(params);
        NDArray targetArray = manager.create(target);
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            collector.backward(params.get(0).getArray().sub(targetArray).square().sum());
        }
        GradientClipping.clipByGlobalNorm(params, maxGradNorm);
        optimizer.step(params, learningRate);
    }
}
