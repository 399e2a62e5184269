package dev.sppo.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * Root-mean-square layer normalisation (Zhang &amp; Sennrich, 2019), as in Hugging Face {@code LlamaRMSNorm}:
 *
 * <pre>
 *   y = g ⊙ x / sqrt(mean_d(x_d²) + ε)
 * </pre>
 *
 * with {@code x} the input (last axis of size D), {@code g} the learned {@code weight} and {@code ε} = {@code eps}.
 * The mean square is taken from the L2 norm, {@code mean_d(x_d²) = ‖x‖² / D}: one fused reduction whose backward
 * is a single pass over x, where squaring and averaging would cost three.
 */
final class RmsNorm {

    private RmsNorm() {}

    static NDArray apply(NDArray x, NDArray weight, double eps) {
        NDManager manager = x.getManager();
        NDArray inverseWidth = manager.full(new Shape(), 1f / x.getShape().getLastDimension());
        NDArray meanSquare = x.norm(2, new int[] {-1}, true).square().mul(inverseWidth);
        NDArray inverseRms = manager.full(new Shape(), 1f).div(meanSquare.add(eps).sqrt());
        return x.mul(inverseRms).mul(weight);
    }
}
