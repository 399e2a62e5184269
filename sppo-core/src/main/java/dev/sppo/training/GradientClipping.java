package dev.sppo.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import ai.djl.nn.Parameter;
import dev.sppo.kernels.TorchKernels;
import java.util.List;

/** Gradient clipping by the global L2 norm, as {@code torch.nn.utils.clip_grad_norm_}. */
public final class GradientClipping {

    /** Added to the norm before dividing, as in torch. */
    private static final double NORM_EPSILON = 1e-6;

    private GradientClipping() {
    }

    /**
     * Scales all gradients by one factor when their global norm exceeds {@code maxNorm}:
     *
     * <pre>
     *   norm  = sqrt( sum over trainable parameters p, over elements i of g_p[i]^2 )
     *   scale = maxNorm / (norm + 1e-6);   g_p = g_p * scale for every p, only if scale &lt; 1
     * </pre>
     *
     * <p>As in torch, each gradient's norm is taken in float32 and the global norm is the norm of
     * those norms, in one multi-tensor call ({@link TorchKernels#globalNorm}); the scaling is one more.
     * Frozen parameters and those without a gradient are ignored. A non-finite norm leaves the
     * gradients as they are and is returned, so the caller can skip the step.
     *
     * @param params the parameters whose gradients to clip in place
     * @param maxNorm the largest allowed global norm; positive ({@code Double.POSITIVE_INFINITY}: never clip)
     * @return the global norm before clipping
     */
    public static double clipByGlobalNorm(List<Parameter> params, double maxNorm) {
        Hyperparameters.requirePositiveLimit("maxNorm", maxNorm);
        try (NDScope scope = new NDScope()) {
            List<NDArray> gradients = Gradients.of(params);
            double norm = TorchKernels.globalNorm(gradients);
            double scale = maxNorm / (norm + NORM_EPSILON);
            if (scale < 1) {
                TorchKernels.scale(gradients, scale);
            }
            return norm;
        }
    }
}
