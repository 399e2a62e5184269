package dev.sppo.study;

import java.util.Arrays;
import java.util.Locale;

/**
 * The mean of n per-seed values x_i with its t-based 95% confidence interval
 *
 * <pre>
 *   x̄ ± t_{0.975, n-1} · s / sqrt(n),   s² = Σ (x_i - x̄)² / (n - 1)
 * </pre>
 *
 * Seeds are the unit of replication: each gives its own π_0, prompts and sampling noise. With one seed the
 * interval is unknown (NaN ends). Non-finite values are left out.
 *
 * @param mean x̄
 * @param lower lower end of the interval
 * @param upper upper end of the interval
 * @param n the number of finite values
 */
public record MeanInterval(double mean, double lower, double upper, int n) {

    public static MeanInterval of(double... values) {
        double[] finite = Arrays.stream(values).filter(Double::isFinite).toArray();
        int n = finite.length;
        if (n == 0) {
            return new MeanInterval(Double.NaN, Double.NaN, Double.NaN, 0);
        }
        double mean = Arrays.stream(finite).sum() / n;
        if (n == 1) {
            return new MeanInterval(mean, Double.NaN, Double.NaN, 1);
        }
        double squares = Arrays.stream(finite).map(x -> (x - mean) * (x - mean)).sum();
        double half = StudentT.quantile975(n - 1) * Math.sqrt(squares / (n - 1) / n);
        return new MeanInterval(mean, mean - half, mean + half, n);
    }

    /** Whether the interval lies wholly above {@code value}. */
    public boolean above(double value) {
        return lower > value;
    }

    /** Whether the interval lies wholly below {@code value}. */
    public boolean below(double value) {
        return upper < value;
    }

    /** {@code 0.652 ± 0.031}, or {@code 0.652} without an interval, with {@code decimals} digits. */
    public String format(int decimals) {
        if (n == 0) {
            return "-";
        }
        String mean = String.format(Locale.ROOT, "%." + decimals + "f", this.mean);
        return Double.isNaN(lower) ? mean : mean + String.format(Locale.ROOT, " ± %." + decimals + "f",
                (upper - lower) / 2);
    }
}
