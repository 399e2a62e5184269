package dev.sppo.report;

import dev.sppo.chart.ChartFile;
import dev.sppo.evaluation.WinRate;
import dev.sppo.markdown.MarkdownTable;
import dev.sppo.markdown.MarkdownTable.Column;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The {@code report.md} of a run: title, verdict, the per-iteration table, and the charts as images. */
final class ReportMarkdown {

    private ReportMarkdown() {}

    static String of(ReportSource source, Verdict verdict, List<ChartFile> charts) {
        StringBuilder md = new StringBuilder();
        md.append("# SPPO report: ").append(source.title()).append("\n\n");
        md.append("**Verdict.** ").append(verdict.text()).append("\n\n");
        md.append("Row t describes π_t (t = 0 is the base policy): the loss, P̂ and KL of the update π_{t-1} → π_t, "
                + "then π_t's held-out evaluation. \"-\" marks what was not measured.\n\n");
        md.append(table(source.rows()));
        for (ChartFile chart : charts) {
            md.append("\n## ").append(chart.caption()).append("\n\n");
            md.append("![").append(chart.caption()).append("](").append(chart.file()).append(")\n");
        }
        return md.toString();
    }

    /** One row per iteration; the proxy's win rate has a column only when some iteration has one. */
    private static String table(List<ReportRow> rows) {
        boolean proxy = rows.stream().anyMatch(r -> r.proxyVsBase() != null);
        List<Column> columns = new ArrayList<>(List.of(Column.right("t"), Column.right("loss"),
                Column.right("P̂ winners"), Column.right("P̂ losers"), Column.right("KL"),
                Column.left("win rate vs π_0 [95% CI]")));
        if (proxy) {
            columns.add(Column.left("proxy vs π_0 [95% CI]"));
        }
        columns.addAll(List.of(Column.left("vs π_{t-1} [95% CI]"), Column.right("task score"),
                Column.right("exact"), Column.right("generate (s)"), Column.right("prefer (s)"),
                Column.right("train (s)"), Column.right("evaluate (s)")));
        MarkdownTable table = new MarkdownTable(columns);
        rows.forEach(r -> table.row(cells(r, proxy)));
        return table.markdown();
    }

    private static String[] cells(ReportRow r, boolean proxy) {
        ReportRow.PhaseSeconds s = r.seconds();
        List<String> cells = new ArrayList<>(List.of(Integer.toString(r.iteration()), number(r.loss(), 4),
                number(r.winnerWinRate(), 4), number(r.loserWinRate(), 4), number(r.kl(), 4), winRate(r.vsBase())));
        if (proxy) {
            cells.add(winRate(r.proxyVsBase()));
        }
        cells.addAll(List.of(winRate(r.vsPrevious()), number(r.taskScore(), 3), number(r.exactMatch(), 3),
                number(s.generate(), 1), number(s.prefer(), 1), number(s.train(), 1), number(s.evaluate(), 1)));
        return cells.toArray(String[]::new);
    }

    private static String number(double v, int decimals) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    private static String winRate(WinRate w) {
        return w == null ? "-" : String.format(Locale.ROOT, "%.3f [%.3f, %.3f]", w.rate(), w.lower(), w.upper());
    }
}
