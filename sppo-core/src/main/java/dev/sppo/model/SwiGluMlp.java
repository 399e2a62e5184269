package dev.sppo.model;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;

/**
 * The SwiGLU feed-forward block (Shazeer, 2020) of HF {@code LlamaMLP}:
 *
 * <pre>
 *   y = W_down ( silu(W_gate x) ⊙ W_up x ),   silu(z) = z · σ(z)
 * </pre>
 */
final class SwiGluMlp {

    private SwiGluMlp() {}

    static NDArray forward(DecoderLayer layer, NDArray x) {
        NDArray gate = layer.gateProj().apply(x);
        NDArray silu = gate.mul(Activation.sigmoid(gate));
        return layer.downProj().apply(silu.mul(layer.upProj().apply(x)));
    }
}
