package dev.sppo.model;

import ai.djl.ndarray.NDArray;

/**
 * Root-mean-square layer normalisation (Zhang &amp; Sennrich, 2019), as in Hugging Face {@code LlamaRMSNorm}:
 *
 * <pre>
 *   y = g ⊙ x / sqrt(mean_d(x_d²) + ε)
 * </pre>
 *
 * with {@code x} the input (last axis d), {@code g} the learned {@code weight} and {@code ε} = {@code eps}.
 */
final class RmsNorm {

    private RmsNorm() {}

    static NDArray apply(NDArray x, NDArray weight, double eps) {
        NDArray meanSquare = x.square().mean(new int[] {-1}, true);
        return x.div(meanSquare.add(eps).sqrt()).mul(weight);
    }
}
