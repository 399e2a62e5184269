package dev.sppo.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import ai.djl.nn.Parameter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The loop shared by element-wise optimizers: for each trainable parameter, fetch (or create) its
 * state, then update its weights in place inside an {@link NDScope} that frees every temporary.
 *
 * <p>The weights are updated through a detached view of the parameter's array, so the update is
 * never recorded by autograd (and is allowed even while a gradient collector is open). State
 * arrays are taken out of any enclosing scope when created, so they live as long as the
 * parameter's manager.
 *
 * @param <S> the per-parameter state
 */
abstract class PerParameterOptimizer<S> implements Optimizer {

    private final Map<String, S> states = new HashMap<>();

    @Override
    public final void step(List<Parameter> params, double learningRate) {
        Hyperparameters.requireNonNegative("learningRate", learningRate);
        for (Parameter param : params) {
            if (Gradients.present(param)) {
                NDArray array = param.getArray();
                S state = states.computeIfAbsent(param.getId(), id -> newState(array));
                try (NDScope scope = new NDScope()) {
                    update(array.stopGradient(), array.getGradient(), state, learningRate);
                }
            }
        }
    }

    /** Creates the state of a parameter whose weights are {@code weights}, using {@link #zerosLike}. */
    abstract S newState(NDArray weights);

    /**
     * Updates {@code weights} (a detached view of the parameter) in place.
     *
     * @param weights the parameter's values, updated in place
     * @param gradient the parameter's gradient, read only
     * @param state this parameter's state, updated in place
     * @param learningRate this step's learning rate
     */
    abstract void update(NDArray weights, NDArray gradient, S state, double learningRate);

    /** A zero array shaped like {@code weights}, in its manager and out of every {@link NDScope}. */
    static NDArray zerosLike(NDArray weights) {
        NDArray zeros = weights.getManager().zeros(weights.getShape(), weights.getDataType());
        NDScope.unregister(zeros);
        return zeros;
    }
}
