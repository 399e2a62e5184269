package dev.sppo.evaluation;

import java.util.List;

/**
 * A win rate corrected for the judge's taste for long answers, in the manner of AlpacaEval 2.0's length-controlled
 * win rate (Dubois et al. 2024, arXiv 2404.04475): fit a logistic model of the judge's preference on the
 * squashed, normalised length difference of the two answers, and report the preference it predicts when that
 * difference is zero.
 *
 * <p>For comparison i with preference p_i and length difference d_i = length_i - baselineLength_i:
 * <pre>
 *   s   = sample standard deviation of d (n - 1 in the denominator; the mean is not subtracted from d)
 *   x_i = tanh(d_i / s)                      (0 for all i when n &lt; 2 or s = 0: lengths tell nothing)
 *   P(policy ≻ baseline | i) = σ(b + w · x_i),   (b, w) fitted by {@link LogisticFit} with ridge λ
 *   rate    = σ(b)       the predicted preference at x = 0, i.e. at equal lengths
 *   rawRate = mean of p_i
 * </pre>
 *
 * <p>How this follows AlpacaEval ({@code alpaca_eval.metrics.glm_winrate}, {@code length_controlled_v1}): the
 * same feature {@code tanh(std_delta_len)}, the same soft-label log-loss, and the same read-out (the mean
 * prediction with the length feature set to 0). What it leaves out, for lack of the data: the per-instruction
 * {@code instruction_difficulty} term (fitted by AlpacaEval over its 805 instructions and many models; with it the
 * read-out is a mean over instructions, without it every comparison predicts σ(b)) and the regularisation towards
 * AlpacaEval's "gamed" baseline annotations. AlpacaEval also writes d as baseline minus model; since tanh is odd
 * this only flips the sign of w. Its L1 penalty with the strength chosen by 5-fold cross-validation is replaced by
 * a fixed L2 penalty λ ({@link #DEFAULT_RIDGE}), small enough to leave a well-posed fit nearly unchanged and
 * large enough to keep the coefficients finite when the data are separable (all wins) — the degenerate cases
 * then give finite rates, never NaN.
 *
 * @param rate the length-controlled win rate σ(b)
 * @param rawRate the mean preference (a tie counts half)
 * @param intercept b
 * @param lengthWeight w, the judge's length bias (&gt; 0: it prefers the longer answer)
 * @param lengthScale s, the unit in which length differences were measured (0 when they tell nothing)
 * @param comparisons n
 */
public record LengthControlledWinRate(
        double rate, double rawRate, double intercept, double lengthWeight, double lengthScale, int comparisons) {

    /** λ = 0.01 = 1/C for the C = 100 of AlpacaEval's fit without cross-validation (there on an L1 norm). */
    public static final double DEFAULT_RIDGE = 0.01;

    /** The fit with {@link #DEFAULT_RIDGE}. */
    public static LengthControlledWinRate of(List<JudgedComparison> comparisons) {
        return of(comparisons, DEFAULT_RIDGE);
    }

    /**
     * @param ridge λ &gt; 0
     * @throws IllegalArgumentException when there is no comparison
     */
    public static LengthControlledWinRate of(List<JudgedComparison> comparisons, double ridge) {
        int n = comparisons.size();
        if (n == 0) {
            throw new IllegalArgumentException("a length-controlled win rate needs at least one comparison");
        }
        double[] p = new double[n];
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            p[i] = comparisons.get(i).preference();
            d[i] = comparisons.get(i).lengthDifference();
        }
        double scale = sampleStandardDeviation(d);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = scale > 0 ? Math.tanh(d[i] / scale) : 0;
        }
        LogisticFit.Coefficients fit = LogisticFit.fit(x, p, ridge);
        return new LengthControlledWinRate(fit.probability(0), mean(p), fit.intercept(), fit.slope(), scale, n);
    }

    /** sqrt(Σ (d_i - mean)² / (n - 1)); 0 for a single value. */
    private static double sampleStandardDeviation(double[] d) {
        if (d.length < 2) {
            return 0;
        }
        double mean = mean(d);
        double sumSquares = 0;
        for (double v : d) {
            sumSquares += (v - mean) * (v - mean);
        }
        return Math.sqrt(sumSquares / (d.length - 1));
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    @Override
    public String toString() {
        return String.format("%.3f (raw %.3f, length weight %.3f)", rate, rawRate, lengthWeight);
    }
}
