package dev.sppo.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import ai.djl.nn.Parameter;
import dev.sppo.kernels.TorchKernels;
import java.util.List;

/** Operations on the gradients that autograd attaches to parameter arrays. */
public final class Gradients {

    private Gradients() {
    }

    /**
     * Whether a parameter takes part in training: it is initialised, not frozen, and its array has
     * a gradient attached.
     */
    public static boolean present(Parameter param) {
        return param.isInitialized() && param.requiresGradient() && param.getArray().hasGradient();
    }

    /** The gradients of the parameters that are {@link #present}, in order (new handles, in the current scope). */
    public static List<NDArray> of(List<Parameter> params) {
        return params.stream().filter(Gradients::present).map(param -> param.getArray().getGradient()).toList();
    }

    /**
     * Sets every trainable parameter's gradient to zero in place, NaN and infinite entries included.
     * Needed before each backward pass: DJL's PyTorch gradient collector accumulates gradients.
     */
    public static void zero(List<Parameter> params) {
        try (NDScope scope = new NDScope()) {
            TorchKernels.zero(of(params));
        }
    }
}
