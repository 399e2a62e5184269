package dev.sppo.model;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;

/**
 * A linear map {@code y = x Wᵀ (+ b)} whose weight (and optional bias) are model parameters, plus a LoRA adapter's
 * low-rank term {@code s · B A x} when the projection is targeted ({@link LoraBranch}).
 *
 * @param bias null when the projection has none
 * @param lora null when no adapter targets the projection
 */
record Projection(Parameter weight, Parameter bias, LoraBranch lora) {

    NDArray apply(NDArray x) {
        NDArray w = Float32.of(weight);
        NDArray y = bias == null
                ? Linear.linear(x, w).head()
                : Linear.linear(x, w, Float32.of(bias)).head();
        Float32.release(w, weight);
        return lora == null ? y : y.addi(lora.delta(x));
    }
}
