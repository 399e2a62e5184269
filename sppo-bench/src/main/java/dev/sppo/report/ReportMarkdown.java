package dev.sppo.report;

import dev.sppo.chart.ChartFile;
import dev.sppo.evaluation.WinRate;
import dev.sppo.markdown.MarkdownTable;
import dev.sppo.markdown.MarkdownTable.Column;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Predicate;

/** The {@code report.md} of a run: title, verdict, the per-iteration table, and the charts as images. */
final class ReportMarkdown {

    private ReportMarkdown() {}

    static String of(ReportSource source, Verdict verdict, List<ChartFile> charts) {
        StringBuilder md = new StringBuilder();
        md.append("# SPPO report: ").append(source.title()).append("\n\n");
        md.append("**Verdict.** ").append(verdict.text()).append("\n\n");
        md.append("Row t describes π_t (t = 0 is the base policy): the loss and P̂ of the update π_{t-1} → π_t, "
                + "KL(π_t ‖ π_{t-1}) sampled from π_t, then π_t's held-out evaluation. \"-\" marks what was not "
                + "measured.\n\n");
        md.append(table(source.rows()));
        for (ChartFile chart : charts) {
            md.append("\n## ").append(chart.caption()).append("\n\n");
            md.append("![").append(chart.caption()).append("](").append(chart.file()).append(")\n");
        }
        return md.toString();
    }

    /**
     * One row per iteration; the trained responses' log-ratio, the proxy's win rate, the length-controlled win
     * rate and the mean length in tokens have a column only when some iteration has one.
     */
    private static String table(List<ReportRow> rows) {
        List<Cell> cells = new ArrayList<>(List.of(
                Cell.right("t", r -> Integer.toString(r.iteration())),
                Cell.right("loss", r -> number(r.loss(), 4)),
                Cell.right("P̂ winners", r -> number(r.winnerWinRate(), 4)),
                Cell.right("P̂ losers", r -> number(r.loserWinRate(), 4)),
                Cell.right("KL", r -> number(r.kl(), 4))));
        addIfMeasured(cells, rows, Cell.right("log π_{t-1}/π_t (trained)", r -> number(r.referenceLogRatio(), 4)),
                r -> !Double.isNaN(r.referenceLogRatio()));
        cells.add(Cell.left("win rate vs π_0 [95% CI]", r -> winRate(r.vsBase())));
        addIfMeasured(cells, rows, Cell.right("length-controlled", r -> number(r.lengthControlled(), 3)),
                r -> !Double.isNaN(r.lengthControlled()));
        addIfMeasured(cells, rows, Cell.left("proxy vs π_0 [95% CI]", r -> winRate(r.proxyVsBase())),
                r -> r.proxyVsBase() != null);
        cells.addAll(List.of(Cell.left("vs π_{t-1} [95% CI]", r -> winRate(r.vsPrevious())),
                Cell.right("task score", r -> number(r.taskScore(), 3)),
                Cell.right("exact", r -> number(r.exactMatch(), 3))));
        addIfMeasured(cells, rows, Cell.right("mean tokens", r -> number(r.length().tokens(), 1)),
                r -> !Double.isNaN(r.length().tokens()));
        cells.addAll(List.of(Cell.right("generate (s)", r -> number(r.seconds().generate(), 1)),
                Cell.right("prefer (s)", r -> number(r.seconds().prefer(), 1)),
                Cell.right("train (s)", r -> number(r.seconds().train(), 1)),
                Cell.right("evaluate (s)", r -> number(r.seconds().evaluate(), 1))));
        MarkdownTable table = new MarkdownTable(cells.stream().map(Cell::column).toList());
        rows.forEach(r -> table.row(cells.stream().map(cell -> cell.value().apply(r)).toArray(String[]::new)));
        return table.markdown();
    }

    /** A column and how a row fills it. */
    private record Cell(Column column, Function<ReportRow, String> value) {

        static Cell right(String header, Function<ReportRow, String> value) {
            return new Cell(Column.right(header), value);
        }

        static Cell left(String header, Function<ReportRow, String> value) {
            return new Cell(Column.left(header), value);
        }
    }

    private static void addIfMeasured(List<Cell> cells, List<ReportRow> rows, Cell cell,
            Predicate<ReportRow> measured) {
        if (rows.stream().anyMatch(measured)) {
            cells.add(cell);
        }
    }

    private static String number(double v, int decimals) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    private static String winRate(WinRate w) {
        return w == null ? "-" : String.format(Locale.ROOT, "%.3f [%.3f, %.3f]", w.rate(), w.lower(), w.upper());
    }
}
