package dev.sppo.bench;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import dev.sppo.model.Llama;
import dev.sppo.training.OptimizerConfig;
import dev.sppo.training.ParameterUpdater;
import dev.sppo.training.RowLoss;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Times full training steps of a randomly initialised model on one batch of random tokens x (B rows of T + 1
 * tokens). A step is what {@link ParameterUpdater#step(RowLoss)} does with the next-token negative log-likelihood
 *
 * <pre>
 *   v_b = (1 / T) Σ_{t=1..T} log softmax(f(x_b,1..t))[x_b,t+1],    loss = -(1 / B) Σ_b v_b
 * </pre>
 *
 * forward and backward (in row slices on the data-parallel workers), global-norm clipping and an AdamW update
 * ({@link OptimizerConfig#defaults()}).
 * The cost counted for it is {@link FlopCount#trainingStep}.
 */
public final class TrainingThroughput implements AutoCloseable {

    private final NDManager manager;
    private final Llama model;
    private final ParameterUpdater updater;
    private final NDArray tokens;
    private final RowLoss<Void> nextTokenLoss;

    public TrainingThroughput(BenchConfig config, NDManager parent) {
        this.manager = parent.newSubManager();
        this.model = Llama.random(config.model(), manager, config.seed());
        model.setTrainable(true);
        int untimed = config.warmupSteps() + config.rounds(); // the warm-up and Benchmark's re-warm step per round
        this.updater = new ParameterUpdater(
                model.parameterList(), OptimizerConfig.defaults(), untimed + config.steps());
        int width = config.trainLength() + 1;
        int[] ids = RandomTokens.draw(
                new SplittableRandom(config.seed()), config.trainBatch() * width, config.model().vocabSize());
        long[] wide = Arrays.stream(ids).asLongStream().toArray();
        this.tokens = manager.create(wide, new Shape(config.trainBatch(), width));
        this.nextTokenLoss = RowLoss.of(config.trainBatch(), this::meanLogLikelihoods, values -> values.mean().neg());
    }

    /** Runs one full step and returns its wall time in milliseconds. */
    public double timeStep() {
        long start = System.nanoTime();
        updater.step(nextTokenLoss);
        return (System.nanoTime() - start) / 1e6;
    }

    /** v_b for rows {@code from} to {@code to}: each row's mean next-token log-likelihood. */
    private NDArray meanLogLikelihoods(int from, int to) {
        NDArray rows = tokens.get(new NDIndex("{}:{}", from, to));
        NDArray targets = rows.get(new NDIndex(":, 1:"));
        NDArray logits = model.forward(rows.get(new NDIndex(":, :-1")));
        return logits.logSoftmax(-1).gather(targets.expandDims(-1), -1).squeeze(-1).mean(new int[] {1});
    }

    @Override
    public void close() {
        model.close();
        manager.close();
    }
}
