package dev.sppo.training;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;

import java.util.List;
import java.util.function.Supplier;

/**
 * One optimisation step over any scalar loss: forward and backward inside a scope that frees every
 * intermediate, then global-norm clipping, the scheduled learning rate, the optimizer update and zeroed
 * gradients. The update runs outside the scope so that optimizer state survives (DESIGN.md, DJL pitfall 2).
 */
public final class ParameterUpdater {

    private final List<Parameter> parameters;
    private final Optimizer optimizer;
    private final LinearWarmupDecay schedule;
    private final double maxGradNorm;
    private int step;

    /** What one step did. */
    public record StepResult(int step, double loss, double gradNorm, double learningRate) {}

    public ParameterUpdater(List<Parameter> parameters, OptimizerConfig config, int totalSteps) {
        this.parameters = List.copyOf(parameters);
        this.optimizer = config.newOptimizer();
        this.schedule = config.schedule(totalSteps);
        this.maxGradNorm = config.maxGradNorm();
    }

    public StepResult step(Supplier<NDArray> loss) {
        double lossValue;
        try (NDScope ignored = new NDScope();
                GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            NDArray value = loss.get();
            lossValue = value.getFloat();
            if (!Double.isFinite(lossValue)) {
                throw new IllegalStateException("loss became " + lossValue + " at step " + step
                        + ": lower the learning rate or check the inputs");
            }
            collector.backward(value);
        }
        double gradNorm = GradientClipping.clipByGlobalNorm(parameters, maxGradNorm);
        double learningRate = schedule.learningRate(Math.min(step, schedule.totalSteps() - 1));
        optimizer.step(parameters, learningRate);
        Gradients.zero(parameters);
        return new StepResult(step++, lossValue, gradNorm, learningRate);
    }

    public int totalSteps() {
        return schedule.totalSteps();
    }
}
