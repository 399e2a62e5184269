package dev.sppo.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.pytorch.jni.JniUtils;
import dev.sppo.model.Llama;
import dev.sppo.model.TestModels;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ThreadDataParallelTest {

    private static final int ROWS = 5;
    private static final int WIDTH = 7;

    private final NDManager manager = NDManager.newBaseManager();
    private final NDArray tokens = randomTokens();

    @AfterEach
    void close() {
        manager.close();
    }

    private NDArray randomTokens() {
        SplittableRandom random = new SplittableRandom(11);
        long[] ids = new long[ROWS * WIDTH];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = random.nextInt(TestModels.tiny().vocabSize());
        }
        return manager.create(ids, new Shape(ROWS, WIDTH));
    }

    /**
     * v_r = Σ_t log π(x_{r,t+1} | x_{r,≤t}); ℓ = -mean(v) + (v_0 - v_{B-1})²/100, which couples the first and last
     * rows: with two workers they sit in different slices.
     */
    private RowLoss<Void> coupledLoss(Llama model) {
        return RowLoss.of(ROWS, (from, to) -> {
            NDArray rows = tokens.get(new NDIndex("{}:{}", from, to));
            NDArray logits = model.forward(rows.get(new NDIndex(":, :-1")));
            NDArray targets = rows.get(new NDIndex(":, 1:")).expandDims(-1);
            return logits.logSoftmax(-1).gather(targets, -1).squeeze(-1).sum(new int[] {1});
        }, values -> {
            NDArray gap = values.get(0).sub(values.get(ROWS - 1));
            return values.mean().neg().add(gap.square().div(manager.create(100f)));
        });
    }

    /** Runs {@code steps} steps of the coupled loss and returns every parameter's values and the losses. */
    private List<float[]> train(int workers, int steps) {
        return train(new ThreadDataParallel(workers), steps);
    }

    private List<float[]> train(ThreadDataParallel parallel, int steps) {
        List<float[]> out = new ArrayList<>();
        try (Llama model = Llama.random(TestModels.tiny(), manager, 3)) {
            model.setTrainable(true);
            ParameterUpdater updater = new ParameterUpdater(model.parameterList(), OptimizerConfig.defaults(), steps,
                    parallel);
            float[] losses = new float[steps];
            for (int s = 0; s < steps; s++) {
                losses[s] = (float) updater.step(coupledLoss(model)).step().loss();
            }
            out.add(losses);
            for (Parameter parameter : model.parameterList()) {
                out.add(parameter.getArray().toFloatArray());
            }
        }
        return out;
    }

    @Test
    void slicesOnTwoWorkersTrainLikeOneThreadOverTheWholeBatch() {
        List<float[]> single = train(1, 3);
        List<float[]> parallel = train(2, 3);

        assertThat(parallel).hasSameSizeAs(single);
        for (int i = 0; i < single.size(); i++) {
            assertThat(parallel.get(i)).containsExactly(single.get(i), Offset.offset(2e-5f));
        }
    }

    @Test
    void microBatchesTrainLikeTheWholeSliceAtOnceOnOneOrTwoWorkers() {
        List<float[]> whole = train(1, 3);

        for (ThreadDataParallel micro : List.of(new ThreadDataParallel(1, 2), new ThreadDataParallel(2, 1),
                new ThreadDataParallel(2, 2))) {
            List<float[]> batched = train(micro, 3);
            for (int i = 0; i < whole.size(); i++) {
                assertThat(batched.get(i)).containsExactly(whole.get(i), Offset.offset(2e-5f));
            }
        }
    }

    @Test
    void microBatchesLimitTheRowsOfEveryForwardPassWithAGraph() {
        List<Integer> recorded = new CopyOnWriteArrayList<>();
        List<Integer> unrecorded = new CopyOnWriteArrayList<>();
        try (Llama model = Llama.random(TestModels.tiny(), manager, 3)) {
            model.setTrainable(true);
            RowLoss<Void> coupled = coupledLoss(model);
            RowLoss<Void> counted = RowLoss.of(ROWS, (from, to) -> {
                (JniUtils.isGradMode() ? recorded : unrecorded).add(to - from);
                return coupled.values().of(from, to);
            }, values -> coupled.loss().of(values).loss());
            new ParameterUpdater(model.parameterList(), OptimizerConfig.defaults(), 1, new ThreadDataParallel(2, 2))
                    .step(counted);
        }

        assertThat(recorded).allMatch(rows -> rows <= 2);
        assertThat(recorded.stream().mapToInt(Integer::intValue).sum()).isEqualTo(ROWS);
        assertThat(unrecorded.stream().mapToInt(Integer::intValue).sum()).isEqualTo(ROWS - 2);
    }

    @Test
    void arraysTheForwardPassMadeFromJavaArraysLiveUntilTheBackwardPassHasReadThem() {
        List<float[]> held = train(2, 3);
        List<float[]> fresh = new ArrayList<>();
        try (Llama model = Llama.random(TestModels.tiny(), manager, 3)) {
            model.setTrainable(true);
            ParameterUpdater updater = new ParameterUpdater(model.parameterList(), OptimizerConfig.defaults(), 3,
                    new ThreadDataParallel(2));
            RowLoss<Void> coupled = coupledLoss(model);
            RowLoss<Void> freshTargets = RowLoss.of(ROWS, (from, to) -> {
                // the ids as a fresh array from a Java buffer, which only this forward pass's scope keeps alive
                NDArray rows = manager.create(tokens.get(new NDIndex("{}:{}", from, to)).toLongArray(),
                        new Shape(to - from, WIDTH));
                NDArray logits = model.forward(rows.get(new NDIndex(":, :-1")));
                NDArray targets = rows.get(new NDIndex(":, 1:")).expandDims(-1);
                return logits.logSoftmax(-1).gather(targets, -1).squeeze(-1).sum(new int[] {1});
            }, values -> {
                overwriteFreedBuffers();
                return coupled.loss().of(values).loss();
            });
            float[] losses = new float[3];
            for (int s = 0; s < 3; s++) {
                losses[s] = (float) updater.step(freshTargets).step().loss();
            }
            fresh.add(losses);
            model.parameterList().forEach(parameter -> fresh.add(parameter.getArray().toFloatArray()));
        }

        for (int i = 0; i < held.size(); i++) {
            assertThat(fresh.get(i)).containsExactly(held.get(i));
        }
    }

    /** Collects garbage, then fills memory of the ids' size with ids far out of range, as a busy service would. */
    private static void overwriteFreedBuffers() {
        System.gc();
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<java.nio.ByteBuffer> filler = new ArrayList<>();
        for (int i = 0; i < 256; i++) {
            java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocateDirect(8 * 3 * WIDTH);
            while (buffer.hasRemaining()) {
                buffer.put((byte) 0x55);
            }
            filler.add(buffer);
        }
    }

    @Test
    void theSumOverWorkersIsTheSameOnEveryRun() {
        List<float[]> first = train(3, 3);
        List<float[]> second = train(3, 3);

        for (int i = 0; i < first.size(); i++) {
            assertThat(second.get(i)).containsExactly(first.get(i));
        }
    }

    @Test
    void slicesCoverEveryRowOnceAndDifferInSizeByAtMostOne() {
        assertThat(ThreadDataParallel.sliceBounds(5, 2)).containsExactly(0, 2, 5);
        assertThat(ThreadDataParallel.sliceBounds(7, 3)).containsExactly(0, 2, 4, 7);
        assertThat(ThreadDataParallel.sliceBounds(4, 4)).containsExactly(0, 1, 2, 3, 4);
    }

    @Test
    void aNonFiniteLossIsRefusedBeforeAnyGradientChanges() {
        try (Llama model = Llama.random(TestModels.tiny(), manager, 3)) {
            model.setTrainable(true);
            ParameterUpdater updater = new ParameterUpdater(model.parameterList(), OptimizerConfig.defaults(), 1,
                    new ThreadDataParallel(2));
            RowLoss<Void> nan = RowLoss.of(
                    ROWS, coupledLoss(model).values(), values -> values.sum().mul(manager.create(Float.NaN)));

            assertThatThrownBy(() -> updater.step(nan))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("loss became NaN at step 0: lower the learning rate or check the inputs");
            for (NDArray gradient : Gradients.of(model.parameterList())) {
                assertThat(gradient.abs().max().getFloat()).isZero();
            }
        }
    }

    @Test
    void aWorkersFailureReachesTheCallerWithItsMessage() {
        RowLoss<Void> failing = RowLoss.of(ROWS, (from, to) -> {
            throw new IllegalArgumentException("rows " + from + ".." + to + " are broken");
        }, values -> values);

        assertThatThrownBy(() -> new ThreadDataParallel(2).step(failing, List.of(), value -> { },
                (value, measured) -> value))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("rows 0..2 are broken");
    }

    @Test
    void modelsBelowAMillionParametersTrainOnIntraOpThreads() {
        assertThat(ThreadDataParallel.forModel(ThreadDataParallel.MIN_PARAMETERS - 1).workers()).isEqualTo(1);
        assertThat(ThreadDataParallel.forModel(ThreadDataParallel.MIN_PARAMETERS).workers())
                .isEqualTo(JniUtils.getNumThreads());
    }

    @Test
    void aStepLeavesTheCallersThreadCountAsItWas() {
        int before = JniUtils.getNumThreads();
        train(2, 1);
        assertThat(JniUtils.getNumThreads()).isEqualTo(before);
    }

    @Test
    void atLeastOneWorkerIsRequired() {
        assertThatThrownBy(() -> new ThreadDataParallel(0))
                .hasMessage("workers must be at least 1, got 0");
    }
}
