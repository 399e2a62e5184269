package dev.sppo.preference;

/**
 * The Bradley-Terry preference model: response i beats response j with probability
 * <pre>  P[i][j] = sigmoid(s_i - s_j),   sigmoid(z) = 1 / (1 + exp(-z))</pre>
 * for per-response strengths {@code s} ({@code strengths}).
 *
 * <p>For a pointwise reward model with rewards {@code r} ({@code rewards}) and temperature
 * {@code tau} ({@code tau}), SPPO step 2 takes the strengths {@code s_i = r_i / tau}, so
 * <pre>  P[i][j] = sigmoid((r_i - r_j) / tau).</pre>
 * A smaller tau makes the same reward gap a more decisive preference.
 *
 * <p>The diagonal is exactly 1/2, and {@code P[i][j]} and {@code P[j][i]} are each computed with
 * the overflow-free form of the sigmoid, so they sum to 1 up to rounding even for large gaps.
 */
public final class BradleyTerry {

    private BradleyTerry() {
    }

    /** {@code P[i][j] = sigmoid((r_i - r_j) / tau)}; {@code tau} must be positive and finite. */
    public static PreferenceMatrix fromRewards(double[] rewards, double tau) {
        Checks.requireTemperature(tau);
        double[] strengths = new double[Checks.requireFinite(rewards, "rewards").length];
        for (int i = 0; i < strengths.length; i++) {
            strengths[i] = rewards[i] / tau;
        }
        return fromStrengths(strengths);
    }

    /** {@code P[i][j] = sigmoid(s_i - s_j)}. */
    public static PreferenceMatrix fromStrengths(double[] strengths) {
        int k = Checks.requireFinite(strengths, "strengths").length;
        double[][] p = new double[k][k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                p[i][j] = sigmoid(strengths[i] - strengths[j]);
            }
        }
        return new PreferenceMatrix(p);
    }

    /** {@code 1 / (1 + exp(-z))}, evaluated so that exp never overflows. */
    static double sigmoid(double z) {
        if (z >= 0) {
            return 1 / (1 + Math.exp(-z));
        }
        double e = Math.exp(z);
        return e / (1 + e);
    }
}
