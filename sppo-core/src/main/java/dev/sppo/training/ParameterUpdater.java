package dev.sppo.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;

import java.util.List;
import java.util.function.Supplier;

/**
 * One optimisation step over any scalar loss: forward and backward inside a scope that frees every
 * intermediate, then global-norm clipping, the scheduled learning rate, the optimizer update and zeroed
 * gradients. The update runs outside the scope so that optimizer state survives (docs/djl-pitfalls.md, item 2).
 * A loss given as a {@link RowLoss} (what the trainers use) runs its rows in slices on the cores at once
 * ({@link ThreadDataParallel}) when the model is large enough to gain from it.
 */
public final class ParameterUpdater {

    private final List<Parameter> parameters;
    private final Optimizer optimizer;
    private final LinearWarmupDecay schedule;
    private final double maxGradNorm;
    private final ThreadDataParallel parallel;
    private int step;

    /** What one step did. */
    public record StepResult(int step, double loss, double gradNorm, double learningRate) {}

    /** What a step over a {@link RowLoss} did, and what its loss measured on the way. */
    public record MeasuredStep<M>(StepResult step, M measured) {}

    /** An updater whose {@link RowLoss} steps use the data parallelism that suits the model's size. */
    public ParameterUpdater(List<Parameter> parameters, OptimizerConfig config, int totalSteps) {
        this(parameters, config, totalSteps, ThreadDataParallel.WHOLE_SLICE);
    }

    /**
     * An updater whose {@link RowLoss} steps use the data parallelism that suits the model's size, each forward
     * pass with a graph limited to {@code microBatch} rows.
     */
    public ParameterUpdater(List<Parameter> parameters, OptimizerConfig config, int totalSteps, int microBatch) {
        this(parameters, config, totalSteps, ThreadDataParallel.forModel(
                parameters.stream().filter(Parameter::isInitialized).mapToLong(p -> p.getArray().size()).sum())
                .withMicroBatch(microBatch));
    }

    public ParameterUpdater(
            List<Parameter> parameters, OptimizerConfig config, int totalSteps, ThreadDataParallel parallel) {
        this.parameters = List.copyOf(parameters);
        this.parallel = parallel;
        this.optimizer = config.newOptimizer();
        this.schedule = config.schedule(totalSteps);
        this.maxGradNorm = config.maxGradNorm();
    }

    /** One step over any scalar loss, forward and backward on this thread. */
    public StepResult step(Supplier<NDArray> loss) {
        return stepOnThisThread(() -> new RowLoss.Evaluation<Void>(loss.get(), null)).step();
    }

    /**
     * One step over a loss of per-row values: the rows' forward and backward passes run in slices on the
     * {@link ThreadDataParallel} workers, or on this thread when there is one worker and no micro-batches.
     */
    public <M> MeasuredStep<M> step(RowLoss<M> loss) {
        if (!parallel.splits(loss.rows())) {
            return stepOnThisThread(() -> loss.loss().of(loss.values().of(0, loss.rows())));
        }
        List<NDArray> trainable = parameters.stream()
                .filter(Gradients::present)
                .map(Parameter::getArray)
                .toList();
        return parallel.step(loss, trainable, this::requireFinite,
                (lossValue, measured) -> new MeasuredStep<>(update(lossValue), measured));
    }

    private <M> MeasuredStep<M> stepOnThisThread(Supplier<RowLoss.Evaluation<M>> loss) {
        double lossValue;
        M measured;
        try (NDScope ignored = new NDScope();
                GradientCollector collector = ExclusiveGradients.open()) {
            RowLoss.Evaluation<M> evaluation = loss.get();
            lossValue = evaluation.loss().getFloat();
            requireFinite(lossValue);
            collector.backward(evaluation.loss());
            measured = evaluation.measured();
        }
        return new MeasuredStep<>(update(lossValue), measured);
    }

    private void requireFinite(double lossValue) {
        if (!Double.isFinite(lossValue)) {
            throw new IllegalStateException("loss became " + lossValue + " at step " + step
                    + ": lower the learning rate or check the inputs");
        }
    }

    private StepResult update(double lossValue) {
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
