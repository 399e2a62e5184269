package dev.sppo.loop;

import dev.sppo.evaluation.WinRate;

import java.util.List;
import java.util.Locale;

/** Formats iteration results as the final markdown table and as one-line progress reports. */
public final class ResultsTable {

    private static final String HEADER =
            "| iter | loss | P̂ winners | P̂ losers | win rate vs π_0 [95% CI] | vs π_{t-1} | task score | exact | KL | time (s) |\n"
                    + "|---:|---:|---:|---:|---|---|---:|---:|---:|---:|\n";

    private ResultsTable() {}

    public static String markdown(List<IterationResult> results) {
        StringBuilder table = new StringBuilder(HEADER);
        for (IterationResult r : results) {
            table.append(String.format(Locale.ROOT, "| %d | %s | %s | %s | %s | %s | %.3f | %.3f | %s | %.1f |%n",
                    r.iteration(), r.training() == null ? "-" : fmt(r.training().loss()), fmt(r.winnerWinRate()),
                    fmt(r.loserWinRate()), winRate(r.vsBase()), winRate(r.vsPrevious()), r.taskScore(),
                    r.exactMatch(), r.training() == null ? "-" : fmt(r.training().klEstimate()),
                    r.phaseSeconds().total()));
        }
        return table.toString();
    }

    public static String line(IterationResult r) {
        return String.format(Locale.ROOT, "iteration %d: win rate vs base %s, task score %.3f, exact %.3f (%.1f s)",
                r.iteration(), winRate(r.vsBase()), r.taskScore(), r.exactMatch(), r.phaseSeconds().total());
    }

    private static String winRate(WinRate w) {
        return w == null ? "-" : w.toString();
    }

    private static String fmt(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.4f", v);
    }
}
