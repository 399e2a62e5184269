package dev.sppo.model;

import ai.djl.ndarray.NDArray;
import dev.sppo.kernels.TorchKernels;

/**
 * The SwiGLU feed-forward block (Shazeer, 2020) of HF {@code LlamaMLP}:
 *
 * <pre>
 *   y = W_down ( silu(W_gate x) ⊙ W_up x ),   silu(z) = z · σ(z)
 * </pre>
 *
 * {@code silu(g) ⊙ u} is one {@link TorchKernels#siluMul} call: PyTorch's fused silu forward and backward
 * instead of σ, two products and their five backward passes over the (B, T, I) activations.
 */
final class SwiGluMlp {

    private SwiGluMlp() {}

    static NDArray forward(DecoderLayer layer, NDArray x) {
        NDArray gate = layer.gateProj().apply(x);
        return layer.downProj().apply(TorchKernels.siluMul(gate, layer.upProj().apply(x)));
    }
}
