package dev.sppo.model;

/** Supplies the float32 values of each checkpoint tensor, in row-major order, when a model is built. */
@FunctionalInterface
public interface WeightSource {

    float[] values(LlamaLayout.TensorSpec spec);
}
