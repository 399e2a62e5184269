package dev.sppo.model;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;

/** A linear map {@code y = x Wᵀ (+ b)} whose weight (and optional bias) are model parameters. */
record Projection(Parameter weight, Parameter bias) {

    NDArray apply(NDArray x) {
        return bias == null
                ? Linear.linear(x, weight.getArray()).head()
                : Linear.linear(x, weight.getArray(), bias.getArray()).head();
    }
}
