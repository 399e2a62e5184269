package dev.sppo.loop;

import dev.sppo.evaluation.WinRate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Formats iteration results as the final markdown table and as one-line progress reports. A column shows only when
 * the run measured it: task score and exact match with gold answers, the length-controlled win rate and the mean
 * length in tokens under an evaluation judge, the proxy's win rate when SPPO trained against a proxy.
 */
public final class ResultsTable {

    /** One column: its header, its markdown alignment rule and the cell of a row. */
    private record Column(String header, String rule, Function<IterationResult, String> cell) {

        static Column right(String header, Function<IterationResult, String> cell) {
            return new Column(header, "---:", cell);
        }

        static Column left(String header, Function<IterationResult, String> cell) {
            return new Column(header, "---", cell);
        }
    }

    private ResultsTable() {}

    /**
     * The results as a markdown table. When SPPO trained against a proxy of the evaluation judge, the evaluation's
     * and the proxy's win rates against π_0 stand side by side, so that over-optimisation of the proxy shows.
     */
    public static String markdown(List<IterationResult> results) {
        List<Column> columns = columns(results);
        StringBuilder table = new StringBuilder("|");
        columns.forEach(column -> table.append(' ').append(column.header()).append(" |"));
        table.append("\n|");
        columns.forEach(column -> table.append(column.rule()).append('|'));
        table.append('\n');
        for (IterationResult r : results) {
            table.append('|');
            columns.forEach(column -> table.append(' ').append(column.cell().apply(r)).append(" |"));
            table.append('\n');
        }
        return table.toString();
    }

    private static List<Column> columns(List<IterationResult> results) {
        boolean proxy = results.stream().anyMatch(r -> r.proxyVsBase() != null);
        boolean judged = results.stream().anyMatch(r -> !Double.isNaN(r.meanResponseTokens()));
        boolean graded = results.stream().anyMatch(r -> !Double.isNaN(r.taskScore()));
        List<Column> columns = new ArrayList<>(List.of(
                Column.right("iter", r -> Integer.toString(r.iteration())),
                Column.right("loss", r -> r.training() == null ? "-" : fmt(r.training().loss())),
                Column.right("P̂ winners", r -> fmt(r.winnerWinRate())),
                Column.right("P̂ losers", r -> fmt(r.loserWinRate())),
                Column.left(winRateHeader(proxy, judged), r -> winRate(r.vsBase()))));
        if (judged) {
            columns.add(Column.right("LC win rate vs π_0", r -> r.lengthControlledVsBase() == null ? "-"
                    : String.format(Locale.ROOT, "%.3f", r.lengthControlledVsBase().rate())));
        }
        if (proxy) {
            columns.add(Column.left("proxy win rate vs π_0", r -> winRate(r.proxyVsBase())));
        }
        columns.add(Column.left("vs π_{t-1}", r -> winRate(r.vsPrevious())));
        if (graded) {
            columns.add(Column.right("task score", r -> String.format(Locale.ROOT, "%.3f", r.taskScore())));
            columns.add(Column.right("exact", r -> String.format(Locale.ROOT, "%.3f", r.exactMatch())));
        }
        if (judged) {
            columns.add(Column.right("mean tokens", r -> String.format(Locale.ROOT, "%.1f", r.meanResponseTokens())));
            columns.add(Column.right("distinct-2", r -> r.degeneration() == null ? "-"
                    : String.format(Locale.ROOT, "%.3f", r.degeneration().distinct2())));
            columns.add(Column.right("perplexity under π_0", r -> r.degeneration() == null ? "-"
                    : String.format(Locale.ROOT, "%.1f", r.degeneration().perplexityUnderBase())));
            columns.add(Column.right("KL(π_t ‖ π_0)", r -> fmt(r.klVsBase())));
        }
        columns.add(Column.right("log π_{t-1}/π_t (trained)",
                r -> r.training() == null ? "-" : fmt(r.training().referenceLogRatio())));
        columns.add(Column.right("KL(π_t ‖ π_{t-1})", r -> fmt(r.kl())));
        columns.add(Column.right("time (s)", r -> String.format(Locale.ROOT, "%.1f", r.phaseSeconds().total())));
        return columns;
    }

    private static String winRateHeader(boolean proxy, boolean judged) {
        String judge = judged ? "judge " : proxy ? "gold " : "";
        return judge + "win rate vs π_0 [95% CI]";
    }

    /** One iteration as a line of progress: its win rates, its scores, its KL and its seconds. */
    public static String line(IterationResult r) {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "iteration %d: win rate vs base %s",
                r.iteration(), winRate(r.vsBase())));
        if (r.lengthControlledVsBase() != null) {
            line.append(String.format(Locale.ROOT, " (length-controlled %.3f)", r.lengthControlledVsBase().rate()));
        }
        if (r.proxyVsBase() != null) {
            line.append(" (proxy ").append(r.proxyVsBase()).append(')');
        }
        if (!Double.isNaN(r.taskScore())) {
            line.append(String.format(Locale.ROOT, ", task score %.3f, exact %.3f", r.taskScore(), r.exactMatch()));
        }
        if (!Double.isNaN(r.meanResponseTokens())) {
            line.append(String.format(Locale.ROOT, ", %.1f tokens", r.meanResponseTokens()));
        }
        if (r.degeneration() != null) {
            line.append(String.format(Locale.ROOT, ", distinct-2 %.3f, perplexity under π_0 %.1f",
                    r.degeneration().distinct2(), r.degeneration().perplexityUnderBase()));
        }
        if (!Double.isNaN(r.kl())) {
            line.append(String.format(Locale.ROOT, ", KL %.4f", r.kl()));
        }
        if (r.game() != null && r.game().averaged() != null) {
            line.append(String.format(Locale.ROOT, ", best response %s wins %.3f (averaged iterate %.3f), TV to "
                    + "Nash %.3f (averaged %.3f)", r.game().last().bestResponse(), r.game().last().bestResponseWinRate(),
                    r.game().averaged().bestResponseWinRate(), r.game().last().distanceToNash(),
                    r.game().averaged().distanceToNash()));
        }
        return line.append(String.format(Locale.ROOT, " (%.1f s)", r.phaseSeconds().total())).toString();
    }

    private static String winRate(WinRate w) {
        return w == null ? "-" : w.toString();
    }

    private static String fmt(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.4f", v);
    }
}
