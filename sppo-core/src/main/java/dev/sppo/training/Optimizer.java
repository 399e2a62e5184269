package dev.sppo.training;

import ai.djl.nn.Parameter;
import java.util.List;

/**
 * Updates parameters in place from the gradients that autograd left on their arrays.
 *
 * <p>As in torch.optim, a step does not zero the gradients (DJL's gradient collector accumulates
 * them): call {@link Gradients#zero(List)} before the next backward pass. Parameters that are
 * frozen or have no gradient attached are skipped. Call {@code step} outside any
 * {@code GradientCollector}; it may run inside an {@code NDScope}, since per-parameter state is
 * kept out of every scope.
 */
public interface Optimizer {

    /**
     * Applies one update to every trainable parameter.
     *
     * @param params the parameters, each identified across steps by {@link Parameter#getId()}
     * @param learningRate this step's learning rate (for example from {@link LinearWarmupDecay}); at least 0
     */
    void step(List<Parameter> params, double learningRate);
}
