package dev.sppo.model;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Parameter;

/**
 * A linear map {@code y = x Wᵀ (+ b)} whose weight (and optional bias) are model parameters, plus a LoRA adapter's
 * low-rank term {@code s · B A x} when the projection is targeted ({@link LoraBranch}). A weight held in half
 * precision computes its product in it ({@link Float32#linear}); the bias and the adapter's term are added in
 * float32.
 *
 * @param bias null when the projection has none
 * @param lora null when no adapter targets the projection
 */
record Projection(Parameter weight, Parameter bias, LoraBranch lora) {

    NDArray apply(NDArray x) {
        NDArray y = Float32.linear(x, weight, bias);
        return lora == null ? y : y.addi(lora.delta(x));
    }
}
