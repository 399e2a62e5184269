package dev.sppo.sampling;

import java.util.Arrays;

/**
 * An independent reference for {@link TokenChooser}'s draw: the Hugging Face warpers (TemperatureLogitsWarper,
 * TopKLogitsWarper, TopPLogitsWarper) and an inverse-CDF draw, written out element by element in plain Java double
 * precision, one row at a time.
 */
final class ReferenceWarpers {

    private ReferenceWarpers() {}

    /** The token that {@code u} draws from one row of logits under {@code params}. */
    static int draw(float[] logits, SamplingParams params, double u) {
        int vocab = logits.length;
        double[] z = new double[vocab];
        for (int i = 0; i < vocab; i++) {
            z[i] = logits[i] / params.temperature();
        }
        if (params.topK() > 0 && params.topK() < vocab) {
            double[] sorted = z.clone();
            Arrays.sort(sorted);
            double kth = sorted[vocab - params.topK()];
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
        double cumulative = 0;
        int last = 0;
        for (int i = 0; i < vocab; i++) {
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

    /** log softmax(logits)[token]. */
    static double logProb(float[] logits, int token) {
        double max = Double.NEGATIVE_INFINITY;
        for (float l : logits) {
            max = Math.max(max, l);
        }
        double sum = 0;
        for (float l : logits) {
            sum += Math.exp(l - max);
        }
        return logits[token] - max - Math.log(sum);
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

    /** Zeroes the tail outside the nucleus, ascending order with ties by index, and renormalises. */
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
}
