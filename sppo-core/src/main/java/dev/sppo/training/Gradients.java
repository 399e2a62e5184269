package dev.sppo.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.nn.Parameter;
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

    /**
     * Sets every trainable parameter's gradient to zero in place, NaN and infinite entries included.
     * Needed before each backward pass: DJL's PyTorch gradient collector accumulates gradients.
     */
    public static void zero(List<Parameter> params) {
        for (Parameter param : params) {
            if (present(param)) {
                try (NDScope scope = new NDScope()) {
                    NDArray gradient = param.getArray().getGradient();
                    gradient.set(new NDIndex("..."), 0);
                }
            }
        }
    }
}
