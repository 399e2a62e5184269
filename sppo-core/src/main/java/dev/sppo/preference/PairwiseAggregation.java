package dev.sppo.preference;

/**
 * Turns the logits of a pairwise ranker (such as PairRM) into a preference matrix, as the official
 * SPPO pipeline does.
 *
 * <p>{@code logits[i][j]} = L_ij is the ranker's logit that y_i beats y_j; the diagonal is ignored.
 * The score of each response ({@link #scores}) is
 * <pre>  s_i = (1/K) * sum_{j=1..K} (L_ij - L_ji)</pre>
 * The mean runs over all K columns, as in the official code (LLM-Blender's
 * {@code (cmp - cmp.T).mean(axis=-1)}): the diagonal term {@code L_ii - L_ii} is 0 whatever
 * {@code L_ii} is, so it only divides by K instead of K - 1. The scores sum to 0.
 *
 * <p>The matrix ({@link #fromLogits}) is then the Bradley-Terry matrix of those scores:
 * <pre>  P[i][j] = sigmoid(s_i - s_j)</pre>
 */
public final class PairwiseAggregation {

    private PairwiseAggregation() {
    }

    /** {@code s_i = (1/K) * sum_j (L_ij - L_ji)}; {@code logits} must be square, K >= 2, finite off the diagonal. */
    public static double[] scores(double[][] logits) {
        int k = validateLogits(logits);
        double[] s = new double[k];
        for (int i = 0; i < k; i++) {
            double sum = 0;
            for (int j = 0; j < k; j++) {
                if (j != i) {
                    sum += logits[i][j] - logits[j][i];
                }
            }
            s[i] = sum / k;
        }
        return s;
    }

    /**
     * The K×K logits of the K(K-1) ordered pairs (i, j), i ≠ j, given row by row ({@code flat[0]} = L_01, then
     * L_02, ..., L_10, L_12, ...); the diagonal is 0.
     */
    public static double[][] offDiagonal(double[] flat, int k) {
        if (flat.length != k * (k - 1)) {
            throw new IllegalArgumentException(flat.length + " logits for K = " + k + ", expected K(K-1) = "
                    + k * (k - 1));
        }
        double[][] logits = new double[k][k];
        int n = 0;
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                if (i != j) {
                    logits[i][j] = flat[n++];
                }
            }
        }
        return logits;
    }

    /** A pairwise model's answer: the matrix of {@link #fromLogits} and the scores s_i that rank the responses. */
    public static PreferenceResult result(double[][] logits) {
        return new PreferenceResult(fromLogits(logits), scores(logits));
    }

    /** {@code P[i][j] = sigmoid(s_i - s_j)} with the scores of {@link #scores}. */
    public static PreferenceMatrix fromLogits(double[][] logits) {
        return BradleyTerry.fromStrengths(scores(logits));
    }

    private static int validateLogits(double[][] logits) {
        int k = Checks.requireSquare(logits, "logits");
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                if (j != i && !Double.isFinite(logits[i][j])) {
                    throw new IllegalArgumentException("logits[" + i + "][" + j + "] = " + logits[i][j] + " is not finite");
                }
            }
        }
        return k;
    }
}
