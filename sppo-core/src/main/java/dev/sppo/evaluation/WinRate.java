package dev.sppo.evaluation;

/**
 * A head-to-head win rate with a 95% confidence interval. Each comparison scores 1 (win), 1/2 (tie) or 0
 * (loss); the estimate is their mean w̄ and the interval is the normal approximation
 *
 * <pre>
 *   w̄ ± 1.96 · s / sqrt(n),   s² = Σ (w_i - w̄)² / (n - 1)
 * </pre>
 *
 * clipped to [0, 1].
 *
 * @param rate w̄
 * @param lower lower end of the 95% interval
 * @param upper upper end of the 95% interval
 * @param wins comparisons won
 * @param ties comparisons tied
 * @param losses comparisons lost
 */
public record WinRate(double rate, double lower, double upper, int wins, int ties, int losses) {

    private static final double Z95 = 1.959963984540054;

    public static WinRate of(int wins, int ties, int losses) {
        int n = wins + ties + losses;
        if (n == 0) {
            throw new IllegalArgumentException("a win rate needs at least one comparison");
        }
        double mean = (wins + 0.5 * ties) / n;
        double sumSquares = wins * sq(1 - mean) + ties * sq(0.5 - mean) + losses * sq(mean);
        double sd = n > 1 ? Math.sqrt(sumSquares / (n - 1)) : 0;
        double half = Z95 * sd / Math.sqrt(n);
        return new WinRate(mean, Math.max(0, mean - half), Math.min(1, mean + half), wins, ties, losses);
    }

    /** Counts comparisons one at a time into a {@link WinRate}. */
    public static final class Tally {

        private int wins;
        private int ties;
        private int losses;

        /** One comparison: {@code sign} &gt; 0 is a win, 0 a tie, &lt; 0 a loss (a {@code compare} result). */
        public void add(int sign) {
            if (sign > 0) {
                wins++;
            } else if (sign == 0) {
                ties++;
            } else {
                losses++;
            }
        }

        public WinRate result() {
            return WinRate.of(wins, ties, losses);
        }
    }

    public int comparisons() {
        return wins + ties + losses;
    }

    private static double sq(double x) {
        return x * x;
    }

    @Override
    public String toString() {
        return String.format("%.3f [%.3f, %.3f]", rate, lower, upper);
    }
}
