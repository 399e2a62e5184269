package dev.sppo.evaluation;

/**
 * A Monte-Carlo estimate of KL(π ‖ π_0) from responses sampled from π:
 *
 * <pre>
 *   KL ≈ (1/N) Σ_n d_n,   d_n = log π(y_n|x_n) - log π_0(y_n|x_n),   y_n ~ π(·|x_n)
 * </pre>
 *
 * with standard error s / sqrt(N), s² = Σ (d_n - KL)² / (N - 1). Each d_n may be negative; only the mean
 * estimates the (non-negative) divergence.
 *
 * @param mean the estimate, in nats per response
 * @param standardError s / sqrt(N) (0 for a single sample)
 * @param samples N
 */
public record KlEstimate(double mean, double standardError, int samples) {

    public KlEstimate {
        if (samples < 1) {
            throw new IllegalArgumentException("a KL estimate needs at least one sample, got " + samples);
        }
    }

    /**
     * The estimate from paired log-probs of the same responses.
     *
     * @param policyLogProbs log π(y_n|x_n)
     * @param baseLogProbs log π_0(y_n|x_n), in the same order
     */
    public static KlEstimate of(double[] policyLogProbs, double[] baseLogProbs) {
        if (policyLogProbs.length != baseLogProbs.length) {
            throw new IllegalArgumentException(policyLogProbs.length + " policy log-probs but " + baseLogProbs.length
                    + " base log-probs: they must pair up");
        }
        int n = policyLogProbs.length;
        if (n == 0) {
            throw new IllegalArgumentException("a KL estimate needs at least one sample, got none");
        }
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += policyLogProbs[i] - baseLogProbs[i];
        }
        double mean = sum / n;
        double squares = 0;
        for (int i = 0; i < n; i++) {
            double d = policyLogProbs[i] - baseLogProbs[i] - mean;
            squares += d * d;
        }
        double standardError = n > 1 ? Math.sqrt(squares / (n - 1) / n) : 0;
        return new KlEstimate(mean, standardError, n);
    }
}
