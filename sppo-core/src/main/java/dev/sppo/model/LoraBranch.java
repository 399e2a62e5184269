package dev.sppo.model;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;

/**
 * The low-rank term a LoRA adapter adds to one projection: {@code s · B A dropout(x)}, computed as {@code ((x Aᵀ)
 * Bᵀ) s} so that nothing wider than r is formed from the (…, in) input. Dropout applies only while the adapter
 * trains (its parameters record gradients), as in PEFT's train mode.
 *
 * @param a {@code lora_A}, (r, in)
 * @param b {@code lora_B}, (out, r)
 * @param scaling s as a float32 scalar array (docs/djl-pitfalls.md, item 1)
 * @param dropout the probability of zeroing an input while training
 */
record LoraBranch(Parameter a, Parameter b, NDArray scaling, float dropout) {

    NDArray delta(NDArray x) {
        NDArray in = dropout > 0 && a.requiresGradient() ? Dropout.dropout(x, dropout, true).head() : x;
        NDArray low = Linear.linear(in, a.getArray()).head();
        return Linear.linear(low, b.getArray()).head().mul(scaling);
    }

    /** {@code s · B A}, the (out, in) change the adapter makes to W; not recorded by autograd. */
    NDArray product() {
        return b.getArray().stopGradient().matMul(a.getArray().stopGradient()).mul(scaling);
    }
}
