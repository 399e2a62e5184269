package dev.sppo.preference;

import java.util.Arrays;

/**
 * The K x K preference matrix of one prompt x and its responses y_1..y_K:
 * {@code p[i][j]} = P(y_i > y_j | x), the probability that response i beats response j.
 *
 * <p>A valid matrix is square with K >= 2, every entry finite and in [0, 1], {@code P[i][i] = 1/2}
 * and {@code P[i][j] + P[j][i] = 1} (both within {@value #TOLERANCE}).
 *
 * <p>The estimated win rate of each response (SPPO step 3, {@link #winRates()}) is
 * <pre>  Phat_i = (1/K) * sum_{j=1..K} P[i][j]</pre>
 * including the self term {@code P[i][i] = 1/2}, as the official code does. Hence
 * {@code sum_i Phat_i = K/2} and every {@code Phat_i} lies in [1/(2K), 1 - 1/(2K)].
 *
 * <p>The record copies the array on the way in and on the way out, so an instance never changes.
 */
public record PreferenceMatrix(double[][] p) {

    /** Absolute tolerance of the diagonal and antisymmetry checks. */
    public static final double TOLERANCE = 1e-9;

    /**
     * @throws IllegalArgumentException naming the offending entry when {@code p} is not a valid preference matrix
     */
    public PreferenceMatrix {
        p = validatedCopy(p);
    }

    /** A copy of the entries. */
    @Override
    public double[][] p() {
        return deepCopy(p);
    }

    /** K, the number of responses compared. */
    public int size() {
        return p.length;
    }

    /** P(y_i > y_j | x). */
    public double get(int i, int j) {
        return p[i][j];
    }

    /** {@code Phat_i = (1/K) * sum_j P[i][j]}, self term included. */
    public double[] winRates() {
        int k = p.length;
        double[] phat = new double[k];
        for (int i = 0; i < k; i++) {
            double sum = 0;
            for (int j = 0; j < k; j++) {
                sum += p[i][j];
            }
            phat[i] = sum / k;
        }
        return phat;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PreferenceMatrix that && Arrays.deepEquals(p, that.p);
    }

    @Override
    public int hashCode() {
        return Arrays.deepHashCode(p);
    }

    @Override
    public String toString() {
        return "PreferenceMatrix" + Arrays.deepToString(p);
    }

    private static double[][] validatedCopy(double[][] p) {
        Checks.requireSquare(p, "preference matrix");
        double[][] copy = deepCopy(p);
        for (int i = 0; i < copy.length; i++) {
            checkRange(copy, i);
            checkPair(copy, i);
        }
        return copy;
    }

    private static void checkRange(double[][] p, int i) {
        for (int j = 0; j < p.length; j++) {
            if (!(p[i][j] >= 0 && p[i][j] <= 1)) {
                throw new IllegalArgumentException(
                        "P[" + i + "][" + j + "] = " + p[i][j] + " is not a probability in [0, 1]");
            }
        }
    }

    private static void checkPair(double[][] p, int i) {
        if (Math.abs(p[i][i] - 0.5) > TOLERANCE) {
            throw new IllegalArgumentException("P[" + i + "][" + i + "] = " + p[i][i] + ", expected 0.5");
        }
        for (int j = i + 1; j < p.length; j++) {
            double sum = p[i][j] + p[j][i];
            if (Math.abs(sum - 1) > TOLERANCE) {
                throw new IllegalArgumentException("P[" + i + "][" + j + "] + P[" + j + "][" + i + "] = "
                        + p[i][j] + " + " + p[j][i] + " = " + sum + ", expected 1");
            }
        }
    }

    private static double[][] deepCopy(double[][] p) {
        double[][] copy = new double[p.length][];
        for (int i = 0; i < p.length; i++) {
            copy[i] = p[i].clone();
        }
        return copy;
    }
}
