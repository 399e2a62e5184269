package dev.sppo.sampling;

import ai.djl.ndarray.NDArray;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Picks the next token from one row of logits, with the Hugging Face warper order: temperature, then top-k,
 * then top-p, then a draw from the renormalised distribution.
 *
 * <pre>
 *   p_i ∝ exp(z_i / T)                              over the kept set
 *   top-k: keep z_i ≥ z_(k)  (the k-th largest; ties kept)
 *   top-p: sort ascending, drop the tokens whose cumulative probability is ≤ 1 - top_p (the most likely stays)
 * </pre>
 *
 * Greedy decoding (T = 0) takes the first argmax. The draw is an inverse-CDF lookup with a seeded uniform, so
 * the same generator state gives the same token.
 */
final class TokenChooser {

    private final SamplingParams params;

    TokenChooser(SamplingParams params) {
        this.params = params;
    }

    /**
     * Draws each unfinished row's next token from (R, V) logits, with its untempered log-prob. Greedy decoding
     * stays in native code, so that only the R ids and log-probs cross into Java; otherwise the logits do and
     * each row draws from its own generator.
     */
    Draws draw(NDArray logits, DecodeState state, SplittableRandom[] rngs) {
        int rows = state.rows();
        int[] tokens = new int[rows];
        double[] logprobs = new double[rows];
        if (params.isGreedy()) {
            long[] best = logits.argMax(-1).toLongArray();
            float[] top = logits.logSoftmax(-1).max(new int[] {-1}).toFloatArray();
            for (int r = 0; r < rows; r++) {
                tokens[r] = Math.toIntExact(best[r]);
                logprobs[r] = top[r];
            }
            return new Draws(tokens, logprobs);
        }
        float[] z = logits.toFloatArray();
        int vocab = z.length / rows;
        for (int r = 0; r < rows; r++) {
            if (!state.finished(r)) {
                tokens[r] = choose(z, r * vocab, vocab, rngs[r]);
                logprobs[r] = logProb(z, r * vocab, vocab, tokens[r]);
            }
        }
        return new Draws(tokens, logprobs);
    }

    int choose(float[] logits, int offset, int vocab, SplittableRandom rng) {
        if (params.isGreedy()) {
            return argmax(logits, offset, vocab);
        }
        double[] z = new double[vocab];
        for (int i = 0; i < vocab; i++) {
            z[i] = logits[offset + i] / params.temperature();
        }
        if (params.topK() > 0 && params.topK() < vocab) {
            double kth = kthLargest(z, params.topK());
            for (int i = 0; i < vocab; i++) {
                if (z[i] < kth) {
                    z[i] = Double.NEGATIVE_INFINITY;
                }
            }
        }
        double[] p = softmax(z);
        if (params.topP() < 1.0) {
            nucleus(p, params.topP());
        }
        return draw(p, rng.nextDouble());
    }

    static int argmax(float[] logits, int offset, int vocab) {
        int best = 0;
        for (int i = 1; i < vocab; i++) {
            if (logits[offset + i] > logits[offset + best]) {
                best = i;
            }
        }
        return best;
    }

    /** log softmax(logits)[token] in double precision. */
    static double logProb(float[] logits, int offset, int vocab, int token) {
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < vocab; i++) {
            max = Math.max(max, logits[offset + i]);
        }
        double sum = 0;
        for (int i = 0; i < vocab; i++) {
            sum += Math.exp(logits[offset + i] - max);
        }
        return logits[offset + token] - max - Math.log(sum);
    }

    private static double kthLargest(double[] z, int k) {
        double[] sorted = z.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length - k];
    }

    private static double[] softmax(double[] z) {
        double max = Arrays.stream(z).max().orElseThrow();
        double[] p = new double[z.length];
        double sum = 0;
        for (int i = 0; i < z.length; i++) {
            p[i] = Math.exp(z[i] - max);
            sum += p[i];
        }
        for (int i = 0; i < z.length; i++) {
            p[i] /= sum;
        }
        return p;
    }

    /** Zeroes the tail outside the nucleus (HF TopPLogitsWarper) and renormalises. */
    private static void nucleus(double[] p, double topP) {
        Integer[] order = new Integer[p.length];
        for (int i = 0; i < p.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(p[a], p[b]));
        double cumulative = 0;
        double kept = 0;
        for (int rank = 0; rank < order.length; rank++) {
            int i = order[rank];
            cumulative += p[i];
            if (cumulative <= 1 - topP && rank < order.length - 1) {
                p[i] = 0;
            } else {
                kept += p[i];
            }
        }
        for (int i = 0; i < p.length; i++) {
            p[i] /= kept;
        }
    }

    private static int draw(double[] p, double u) {
        double cumulative = 0;
        int last = 0;
        for (int i = 0; i < p.length; i++) {
            if (p[i] > 0) {
                cumulative += p[i];
                last = i;
                if (u < cumulative) {
                    return i;
                }
            }
        }
        return last;
    }
}
