package dev.sppo.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import dev.sppo.kernels.AdamWStep;
import dev.sppo.kernels.AdamWTensors;
import dev.sppo.kernels.TorchKernels;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * AdamW (Loshchilov and Hutter 2019), following {@code torch.optim.AdamW} (amsgrad off) exactly.
 * At step t = 1, 2, ... of a parameter w with gradient g and learning rate lr:
 *
 * <pre>
 *   w   = w * (1 - lr * weightDecay)                  decoupled weight decay
 *   m   = beta1 * m + (1 - beta1) * g
 *   v   = beta2 * v + (1 - beta2) * g^2
 *   w   = w - (lr / (1 - beta1^t)) * m / (sqrt(v) / sqrt(1 - beta2^t) + epsilon)
 * </pre>
 *
 * <p>m, v and t start at zero and are kept per parameter ({@link Moments}). One step updates every
 * trainable parameter in a single multi-tensor call, torch's fused AdamW ({@link TorchKernels#adamW}).
 * The state lives outside every {@link NDScope}, as long as the parameter's manager.
 */
public final class AdamW implements Optimizer {

    private final double beta1;
    private final double beta2;
    private final double epsilon;
    private final double weightDecay;
    private final Map<String, Moments> states = new HashMap<>();

    /**
     * @param beta1 decay of the first moment, in [0, 1) (torch default 0.9)
     * @param beta2 decay of the second moment, in [0, 1) (torch default 0.999)
     * @param epsilon added to the denominator, positive (torch default 1e-8)
     * @param weightDecay decoupled weight decay, at least 0 (torch default 0.01)
     */
    public AdamW(double beta1, double beta2, double epsilon, double weightDecay) {
        this.beta1 = Hyperparameters.requireFraction("beta1", beta1);
        this.beta2 = Hyperparameters.requireFraction("beta2", beta2);
        this.epsilon = Hyperparameters.requirePositive("epsilon", epsilon);
        this.weightDecay = Hyperparameters.requireNonNegative("weightDecay", weightDecay);
    }

    /** A parameter's moments m and v and its step count t (a float32 scalar, as torch keeps it). */
    private record Moments(NDArray first, NDArray second, NDArray step) {

        static Moments zerosLike(NDArray weights) {
            Moments moments = new Moments(weights.zerosLike(), weights.zerosLike(),
                    weights.getManager().zeros(new Shape(), weights.getDataType()));
            NDScope.unregister(moments.first, moments.second, moments.step);
            return moments;
        }
    }

    @Override
    public void step(List<Parameter> params, double learningRate) {
        Hyperparameters.requireNonNegative("learningRate", learningRate);
        List<NDArray> weights = new ArrayList<>();
        List<NDArray> gradients = new ArrayList<>();
        List<NDArray> first = new ArrayList<>();
        List<NDArray> second = new ArrayList<>();
        List<NDArray> steps = new ArrayList<>();
        try (NDScope scope = new NDScope()) {
            for (Parameter param : params) {
                if (Gradients.present(param)) {
                    NDArray array = param.getArray();
                    Moments moments = states.computeIfAbsent(param.getId(), id -> Moments.zerosLike(array));
                    weights.add(array);
                    gradients.add(array.getGradient());
                    first.add(moments.first());
                    second.add(moments.second());
                    steps.add(moments.step());
                }
            }
            TorchKernels.adamW(new AdamWTensors(weights, gradients, first, second, steps),
                    new AdamWStep(learningRate, beta1, beta2, weightDecay, epsilon));
        }
    }
}
