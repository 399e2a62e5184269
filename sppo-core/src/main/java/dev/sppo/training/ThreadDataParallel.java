package dev.sppo.training;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDScope;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import dev.sppo.kernels.TorchKernels;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.function.DoubleConsumer;

/**
 * Data parallelism over the CPU's cores within one training step. The B rows of a {@link RowLoss} are cut into W
 * contiguous slices, one per worker thread, and each worker runs PyTorch with a single intra-op thread:
 *
 * <pre>
 *   v_w = f_θ(rows of slice w)                        forward, on worker w (its autograd graph kept)
 *   ℓ = L(v_1 ⊕ … ⊕ v_W),  g_w = ∂ℓ/∂v_w              on the calling thread (small: one value per row)
 *   ∇_θ ℓ = Σ_w (∂v_w/∂θ)ᵀ g_w                        backward, on worker w; summed in worker order
 * </pre>
 *
 * Splitting every operation over the cores instead (PyTorch's intra-op threads) makes them meet at a barrier
 * after each of the step's ~500 operations and leaves the element-wise ones, which are memory-bound, no faster
 * with two threads than with one; independent slices keep both cores busy. Worker 0's backward pass accumulates
 * straight into the parameters' gradients; the others' gradients ({@link TorchKernels#gradients}) are added after
 * it in worker order, so the sum, and the training run, is the same every time.
 *
 * <p>The calling thread also runs on one intra-op thread while a step lasts (the loss on the rows' values, the
 * optimizer update): PyTorch's idle OpenMP helper thread spins for a while after every parallel region, and on
 * a 2-core machine that spinning takes a core from a worker. PyTorch keeps the thread count per thread, but
 * setting it also stores the default for threads that have not run PyTorch yet, so the caller's count is set
 * back after every step. Workers come from a shared pool of daemon threads.
 *
 * <p>Small models do not gain: each operation's fixed cost dominates and both paths pay it once per operation
 * ({@link #forModel}).
 *
 * <p>A micro-batch size bounds the activations a step holds (TRL's {@code per_device_train_batch_size} under a
 * larger batch): a worker whose slice has more rows computes its values in micro-batches without a graph, then,
 * once it has g_w, runs each micro-batch forward and backward in turn ({@link WorkerSlice}). The gradient is the
 * same as the whole batch's, for the price of one more forward pass; this also holds with one worker.
 */
public final class ThreadDataParallel {

    private static final ExecutorService POOL = Executors.newCachedThreadPool(new DaemonThreads());

    /** Models smaller than this train on intra-op threads ({@link #forModel}). */
    public static final long MIN_PARAMETERS = 1L << 20;

    /** No limit on the rows of one forward pass: a worker's whole slice runs at once. */
    public static final int WHOLE_SLICE = 0;

    private final int workers;
    /** The most rows a worker's forward pass with a graph takes; {@link Integer#MAX_VALUE} for no limit. */
    private final int microBatch;

    /** @param workers W, the most worker threads a step uses (fewer when there are fewer rows) */
    public ThreadDataParallel(int workers) {
        this(workers, WHOLE_SLICE);
    }

    /**
     * @param workers W, the most worker threads a step uses (fewer when there are fewer rows)
     * @param microBatch the most rows a worker's forward pass with a graph takes: a longer slice runs in
     *     micro-batches, each forward and backward at once, after a forward pass without a graph has given the
     *     loss its values (see {@link WorkerSlice}); {@link #WHOLE_SLICE} for no limit
     */
    public ThreadDataParallel(int workers, int microBatch) {
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be at least 1, got " + workers);
        }
        if (microBatch < 0) {
            throw new IllegalArgumentException("micro_batch_size must be >= 0 (0: no limit), got " + microBatch);
        }
        this.workers = workers;
        this.microBatch = microBatch == WHOLE_SLICE ? Integer.MAX_VALUE : microBatch;
    }

    /** These workers, each forward pass with a graph limited to {@code rows} rows. */
    public ThreadDataParallel withMicroBatch(int rows) {
        return new ThreadDataParallel(workers, rows);
    }

    /**
     * One worker per intra-op thread the engine gives the calling thread (the cores PyTorch would use) for models
     * of at least {@link #MIN_PARAMETERS} parameters, else one: below that the fixed cost of each operation
     * outweighs the gain (the measurements behind the threshold are in docs/performance.md).
     */
    public static ThreadDataParallel forModel(long parameters) {
        Engine.getInstance();
        return new ThreadDataParallel(parameters >= MIN_PARAMETERS ? JniUtils.getNumThreads() : 1);
    }

    public int workers() {
        return workers;
    }

    /** Whether a step of {@code rows} rows needs this class: more than one worker, or micro-batches. */
    public boolean splits(int rows) {
        return rows > 1 && (workers > 1 || rows > microBatch);
    }

    /**
     * One step: ℓ, handed to {@code lossCheck} (which may throw, before any gradient is touched), ∇_θ ℓ added to
     * the gradients of {@code parameters}, then {@code update} of ℓ and of what L measured, on the calling thread.
     *
     * @param parameters the arrays the gradient is taken for, all requiring gradients
     * @return what update returns
     */
    public <M, T> T step(RowLoss<M> loss, List<NDArray> parameters, DoubleConsumer lossCheck,
            BiFunction<Double, M, T> update) {
        int callerThreads = JniUtils.getNumThreads();
        JniUtils.setNumThreads(1);
        try {
            Evaluated<M> evaluated = backward(loss, parameters, lossCheck, callerThreads);
            return update.apply(evaluated.loss(), evaluated.measured());
        } finally {
            JniUtils.setNumThreads(callerThreads);
        }
    }

    /** ℓ as a number, and what L measured. */
    private record Evaluated<M>(double loss, M measured) {}

    private <M> Evaluated<M> backward(
            RowLoss<M> loss, List<NDArray> parameters, DoubleConsumer lossCheck, int callerThreads) {
        int[] bounds = sliceBounds(loss.rows(), Math.min(workers, loss.rows()));
        int threads = bounds.length == 2 ? callerThreads : 1;
        List<WorkerSlice> slices = new ArrayList<>();
        List<Future<List<NDArray>>> work = new ArrayList<>();
        for (int w = 0; w + 1 < bounds.length; w++) {
            WorkerSlice slice = new WorkerSlice(loss, bounds[w], bounds[w + 1], microBatch, w == 0, threads);
            slices.add(slice);
            work.add(POOL.submit(() -> slice.run(parameters)));
        }
        List<NDArray> upstream = new ArrayList<>();
        try {
            List<NDArray> values = slices.stream().map(slice -> slice.value.join()).toList();
            Evaluated<M> evaluated = lossAndUpstream(loss, values, upstream, lossCheck);
            for (int w = 0; w < slices.size(); w++) {
                slices.get(w).upstream.complete(upstream.get(w));
            }
            List<List<NDArray>> gradients = awaitAll(work);
            for (List<NDArray> grads : gradients.subList(1, gradients.size())) {
                TorchKernels.accumulateGradients(parameters, grads);
                grads.forEach(NDArray::close);
            }
            return evaluated;
        } catch (RuntimeException e) {
            slices.forEach(slice -> slice.upstream.completeExceptionally(e));
            drain(work);
            throw e instanceof CompletionException && e.getCause() instanceof RuntimeException cause ? cause : e;
        } finally {
            upstream.forEach(NDArray::close);
        }
    }

    /** W + 1 bounds of W contiguous slices of B rows whose sizes differ by at most one. */
    static int[] sliceBounds(int rows, int slices) {
        int[] bounds = new int[slices + 1];
        for (int w = 0; w <= slices; w++) {
            bounds[w] = (int) ((long) w * rows / slices);
        }
        return bounds;
    }

    /** ℓ from detached copies of the workers' values, checked; their gradients g_w go to {@code upstream}. */
    private static <M> Evaluated<M> lossAndUpstream(
            RowLoss<M> loss, List<NDArray> values, List<NDArray> upstream, DoubleConsumer lossCheck) {
        try (NDScope scope = new NDScope();
                GradientCollector collector = ExclusiveGradients.open()) {
            List<NDArray> leaves = new ArrayList<>();
            for (NDArray value : values) {
                NDArray leaf = value.stopGradient();
                leaf.setRequiresGradient(true);
                leaves.add(leaf);
            }
            // a single array's concatenation is a copy that autograd does not see
            NDArray all = leaves.size() == 1 ? leaves.get(0) : NDArrays.concat(new NDList(leaves));
            RowLoss.Evaluation<M> total = loss.loss().of(all);
            double value = total.loss().getFloat();
            lossCheck.accept(value);
            collector.backward(total.loss());
            for (NDArray leaf : leaves) {
                NDArray gradient = leaf.getGradient();
                NDScope.unregister(gradient);
                upstream.add(gradient);
            }
            return new Evaluated<>(value, total.measured());
        }
    }

    /** The results of every task, in order, once all have ended; the first failure is thrown after that. */
    private static <T> List<T> awaitAll(List<Future<T>> futures) {
        List<T> results = new ArrayList<>(futures.size());
        RuntimeException failure = null;
        for (Future<T> future : futures) {
            try {
                results.add(future.get());
            } catch (ExecutionException e) {
                failure = failure != null ? failure : rethrowable(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure = failure != null ? failure : new IllegalStateException("interrupted in a training step", e);
            }
        }
        if (failure != null) {
            throw failure;
        }
        return results;
    }

    /** Waits for every task of a failed step to end, closing what the ones that got that far computed. */
    private static void drain(List<Future<List<NDArray>>> futures) {
        for (Future<List<NDArray>> future : futures) {
            try {
                future.get().forEach(NDArray::close);
            } catch (ExecutionException e) {
                // the step has already failed; this worker stopped at the same failure
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static RuntimeException rethrowable(Throwable cause) {
        if (cause instanceof Error error) {
            throw error;
        }
        return cause instanceof RuntimeException runtime
                ? runtime
                : new IllegalStateException("a data-parallel worker failed: " + cause.getMessage(), cause);
    }

    private static final class DaemonThreads implements ThreadFactory {

        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable task) {
            Thread thread = new Thread(task, "sppo-data-parallel-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }
    }
}
