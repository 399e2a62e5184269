package dev.sppo.sampling;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import dev.sppo.model.AttentionMask;
import dev.sppo.model.Llama;

/** Logits without a cache: every step runs all columns so far through the model ({@link Decoding#RECOMPUTE}). */
final class RecomputedLogits implements StepLogits {

    private final Llama model;
    private final NDManager manager;

    RecomputedLogits(Llama model, NDManager manager) {
        this.model = model;
        this.manager = manager;
    }

    @Override
    public NDArray next(DecodeState state) {
        int rows = state.rows();
        int width = state.length();
        NDArray ids = manager.create(state.idColumns(0, 1), new Shape(rows, width));
        NDArray positions = manager.create(state.positionColumns(0, width, 1), new Shape(rows, width));
        NDArray bias = AttentionMask.padded(manager, state.keyValid(1), 0, width);
        return model.logits(model.hiddenStates(ids, positions, bias, null).get(new NDIndex(":, -1, :")));
    }

    @Override
    public void close() {}
}
