package dev.sppo.sampling;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import dev.sppo.kernels.TorchKernels;

import java.util.SplittableRandom;

/**
 * Picks each row's next token from its logits, with the Hugging Face warper order: temperature, then top-k,
 * then top-p, then a draw from the renormalised distribution.
 *
 * <pre>
 *   p_i ∝ exp(z_i / T)                              over the kept set
 *   top-k: keep z_i ≥ z_(k)  (the k-th largest; ties kept)
 *   top-p: sort ascending, drop the tokens whose cumulative probability is ≤ 1 - top_p (the most likely stays)
 * </pre>
 *
 * Greedy decoding (T = 0) takes the first argmax. Otherwise the draw is an inverse-CDF lookup, in float64, with
 * one uniform per row from the row's own seeded generator, so the same generator state gives the same token. Both
 * run in native code ({@link TorchKernels#sampleTokens}): only the R uniforms go in and the R tokens and log-probs
 * come back, where reading a text model's logits into Java would copy R × 49,152 floats a step.
 */
final class TokenChooser {

    private final SamplingParams params;

    TokenChooser(SamplingParams params) {
        this.params = params;
    }

    /** Draws each unfinished row's next token from (R, V) logits, with its untempered log-prob. */
    Draws draw(NDArray logits, DecodeState state, SplittableRandom[] rngs) {
        if (params.isGreedy()) {
            return greedy(logits);
        }
        double[] uniforms = new double[state.rows()];
        for (int r = 0; r < uniforms.length; r++) {
            if (!state.finished(r)) {
                uniforms[r] = rngs[r].nextDouble();
            }
        }
        return draw(logits, uniforms);
    }

    /** The tokens that (R, V) logits give for R uniforms in [0, 1), with their untempered log-probs. */
    Draws draw(NDArray logits, double[] uniforms) {
        NDList drawn = TorchKernels.sampleTokens(logits, logits.getManager().create(uniforms), params.temperature(),
                params.topK(), params.topP());
        long[] ids = drawn.get(0).toLongArray();
        int[] tokens = new int[ids.length];
        for (int r = 0; r < ids.length; r++) {
            tokens[r] = Math.toIntExact(ids[r]);
        }
        return new Draws(tokens, drawn.get(1).toDoubleArray());
    }

    private static Draws greedy(NDArray logits) {
        long[] best = logits.argMax(-1).toLongArray();
        float[] top = logits.logSoftmax(-1).max(new int[] {-1}).toFloatArray();
        int[] tokens = new int[best.length];
        double[] logprobs = new double[best.length];
        for (int r = 0; r < best.length; r++) {
            tokens[r] = Math.toIntExact(best[r]);
            logprobs[r] = top[r];
        }
        return new Draws(tokens, logprobs);
    }
}
