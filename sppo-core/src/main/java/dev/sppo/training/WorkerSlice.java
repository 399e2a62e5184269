package dev.sppo.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import dev.sppo.kernels.TorchKernels;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * One worker's slice of a {@link ThreadDataParallel} step, rows {@code from} to {@code to}, on one pool thread:
 * v_w, then, once the caller hands it g_w, its backward pass ∂v_wᵀ/∂θ g_w.
 *
 * <p>A slice of at most {@code microBatch} rows runs forward and backward once, the forward pass's graph kept in
 * between. A longer one runs in micro-batches of that many rows, twice, so that only one micro-batch's activations
 * are ever held:
 *
 * <pre>
 *   pass 1 (no graph):   v_m = f_θ(micro-batch m)             for every m; v_w = v_1 ⊕ … ⊕ v_M goes to the caller
 *   pass 2 (graph):      ∇_θ += (∂v_m/∂θ)ᵀ g_w[m]             for every m, forward again and backward at once
 * </pre>
 *
 * ∇_θ is the same sum as one pass over the slice, since ℓ reaches θ only through the values: the price is one more
 * forward pass. Pass 2 must compute what pass 1 did, so nothing random may run in f_θ (no dropout).
 *
 * <p>Forward and backward of a micro-batch share one {@link NDScope} on one thread, kept open until the backward
 * pass has run: the autograd graph reads arrays only the scope keeps alive (token ids and masks made from Java
 * arrays live in Java buffers that PyTorch borrows; closing them early let a garbage collection free the ids that
 * {@code gather}'s backward then read: "index 94405215794736 is out of bounds for dimension 2").
 */
final class WorkerSlice {

    private final RowLoss<?> loss;
    private final int from;
    private final int to;
    private final int microBatch;
    private final boolean first;
    private final int threads;
    final CompletableFuture<NDArray> value = new CompletableFuture<>();
    final CompletableFuture<NDArray> upstream = new CompletableFuture<>();

    /**
     * @param microBatch the most rows one forward pass with a graph takes
     * @param first whether this is worker 0, whose backward pass accumulates straight into the gradients
     * @param threads PyTorch's intra-op threads on this worker
     */
    WorkerSlice(RowLoss<?> loss, int from, int to, int microBatch, boolean first, int threads) {
        this.loss = loss;
        this.from = from;
        this.to = to;
        this.microBatch = microBatch;
        this.first = first;
        this.threads = threads;
    }

    /** The slice's gradients ∂v_wᵀ/∂θ g_w, or none for the first slice (it accumulated them in place). */
    List<NDArray> run(List<NDArray> parameters) {
        JniUtils.setNumThreads(threads);
        try {
            return to - from <= microBatch ? once(parameters) : inMicroBatches(parameters);
        } catch (RuntimeException e) {
            value.completeExceptionally(e);
            throw e;
        }
    }

    private List<NDArray> once(List<NDArray> parameters) {
        try (NDScope ignored = new NDScope()) {
            NDArray values = recorded(from, to);
            value.complete(values);
            List<NDArray> grads = backward(values, upstream.join(), parameters);
            grads.forEach(NDScope::unregister);
            return grads;
        }
    }

    private List<NDArray> inMicroBatches(List<NDArray> parameters) {
        try (NDScope ignored = new NDScope()) {
            List<NDArray> values = new ArrayList<>();
            for (int start = from; start < to; start += microBatch) {
                values.add(unrecorded(start, Math.min(to, start + microBatch)));
            }
            value.complete(NDArrays.concat(new NDList(values)));
            NDArray gradient = upstream.join();
            List<NDArray> sums = new ArrayList<>();
            for (int start = from; start < to; start += microBatch) {
                addTo(sums, microBatchBackward(start, Math.min(to, start + microBatch), gradient, parameters));
            }
            return sums;
        }
    }

    /** Forward again with a graph, then backward with the micro-batch's part of g_w. */
    private List<NDArray> microBatchBackward(int start, int end, NDArray gradient, List<NDArray> parameters) {
        try (NDScope ignored = new NDScope()) {
            NDArray part = gradient.get(new NDIndex("{}:{}", start - from, end - from));
            List<NDArray> grads = backward(recorded(start, end), part, parameters);
            grads.forEach(NDScope::unregister);
            return grads;
        }
    }

    /** ∂v/∂θ ᵀ g: accumulated in place by the first slice (nothing returned), returned by the others. */
    private List<NDArray> backward(NDArray values, NDArray gradient, List<NDArray> parameters) {
        if (first) {
            JniUtils.backward((PtNDArray) values, (PtNDArray) gradient, false, false);
            return List.of();
        }
        return TorchKernels.gradients(values, gradient, parameters);
    }

    private static void addTo(List<NDArray> sums, List<NDArray> grads) {
        if (sums.isEmpty()) {
            sums.addAll(grads);
            return;
        }
        for (int i = 0; i < grads.size(); i++) {
            NDArray sum = sums.get(i);
            NDArray next = sum.add(grads.get(i));
            NDScope.unregister(next);
            sums.set(i, next);
            sum.close();
            grads.get(i).close();
        }
    }

    private NDArray recorded(int start, int end) {
        JniUtils.setGradMode(true);
        try {
            return loss.values().of(start, end);
        } finally {
            JniUtils.setGradMode(false);
        }
    }

    /** The rows' values without a graph, every intermediate freed, the values in the caller's scope. */
    private NDArray unrecorded(int start, int end) {
        JniUtils.setGradMode(false);
        NDArray values;
        try (NDScope ignored = new NDScope()) {
            values = loss.values().of(start, end).stopGradient();
            NDScope.unregister(values);
        }
        NDScope.register(values);
        return values;
    }
}
