package dev.sppo.loop;

import dev.sppo.evaluation.WinRate;

import java.util.List;
import java.util.Locale;

/** Formats iteration results as the final markdown table and as one-line progress reports. */
public final class ResultsTable {

    private static final String HEAD_START = "| iter | loss | P̂ winners | P̂ losers | ";
    private static final String HEAD_GOLD = "win rate vs π_0 [95% CI] | ";
    private static final String HEAD_GOLD_AND_PROXY = "gold win rate vs π_0 [95% CI] | proxy win rate vs π_0 | ";
    private static final String HEAD_END = "vs π_{t-1} | task score | exact | KL | time (s) |\n";
    private static final String RULE_START = "|---:|---:|---:|---:|---|";
    private static final String RULE_PROXY = "---|";
    private static final String RULE_END = "---|---:|---:|---:|---:|\n";

    private ResultsTable() {}

    /**
     * The results as a markdown table. When SPPO trained against a proxy preference model, the gold and the
     * proxy win rates against π_0 stand side by side, so that over-optimisation of the proxy shows.
     */
    public static String markdown(List<IterationResult> results) {
        boolean proxy = results.stream().anyMatch(r -> r.proxyVsBase() != null);
        StringBuilder table = new StringBuilder(HEAD_START).append(proxy ? HEAD_GOLD_AND_PROXY : HEAD_GOLD)
                .append(HEAD_END).append(RULE_START).append(proxy ? RULE_PROXY : "").append(RULE_END);
        for (IterationResult r : results) {
            String winRates = proxy ? winRate(r.vsBase()) + " | " + winRate(r.proxyVsBase()) + " | "
                    + winRate(r.vsPrevious()) : winRate(r.vsBase()) + " | " + winRate(r.vsPrevious());
            table.append(String.format(Locale.ROOT, "| %d | %s | %s | %s | %s | %.3f | %.3f | %s | %.1f |%n",
                    r.iteration(), r.training() == null ? "-" : fmt(r.training().loss()), fmt(r.winnerWinRate()),
                    fmt(r.loserWinRate()), winRates, r.taskScore(),
                    r.exactMatch(), r.training() == null ? "-" : fmt(r.training().klEstimate()),
                    r.phaseSeconds().total()));
        }
        return table.toString();
    }

    public static String line(IterationResult r) {
        String proxy = r.proxyVsBase() == null ? "" : " (proxy " + r.proxyVsBase() + ")";
        return String.format(Locale.ROOT, "iteration %d: win rate vs base %s%s, task score %.3f, exact %.3f (%.1f s)",
                r.iteration(), winRate(r.vsBase()), proxy, r.taskScore(), r.exactMatch(), r.phaseSeconds().total());
    }

    private static String winRate(WinRate w) {
        return w == null ? "-" : w.toString();
    }

    private static String fmt(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.4f", v);
    }
}
