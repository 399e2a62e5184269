package dev.sppo.report;

import dev.sppo.evaluation.WinRate;

import java.util.List;
import java.util.Locale;

/** The {@code report.md} of a run: title, verdict, the per-iteration table, and the charts as images. */
final class ReportMarkdown {

    /** The table's header, split where the proxy's column goes when there is one. */
    private static final String HEAD_BEFORE_PROXY = "| t | loss | P̂ winners | P̂ losers | KL | win rate vs π_0 [95% CI] ";
    private static final String HEAD_PROXY = "| proxy vs π_0 [95% CI] ";
    private static final String HEAD_AFTER_PROXY = "| vs π_{t-1} [95% CI] | task score | exact | generate (s) "
            + "| prefer (s) | train (s) | evaluate (s) |\n";
    private static final String RULE_BEFORE_PROXY = "|---:|---:|---:|---:|---:|---";
    private static final String RULE_PROXY = "|---";
    private static final String RULE_AFTER_PROXY = "|---|---:|---:|---:|---:|---:|---:|\n";

    private ReportMarkdown() {}

    static String of(ReportSource source, Verdict verdict, List<ReportCharts.Chart> charts) {
        StringBuilder md = new StringBuilder();
        md.append("# SPPO report: ").append(source.title()).append("\n\n");
        md.append("**Verdict.** ").append(verdict.text()).append("\n\n");
        md.append("Row t describes π_t (t = 0 is the base policy): the loss, P̂ and KL of the update π_{t-1} → π_t, "
                + "then π_t's held-out evaluation. \"-\" marks what was not measured.\n\n");
        boolean proxy = source.rows().stream().anyMatch(r -> r.proxyVsBase() != null);
        String proxyHead = proxy ? HEAD_PROXY : "";
        String proxyRule = proxy ? RULE_PROXY : "";
        md.append(HEAD_BEFORE_PROXY).append(proxyHead).append(HEAD_AFTER_PROXY)
                .append(RULE_BEFORE_PROXY).append(proxyRule).append(RULE_AFTER_PROXY);
        source.rows().forEach(row -> md.append(row(row, proxy)));
        for (ReportCharts.Chart chart : charts) {
            md.append("\n## ").append(chart.caption()).append("\n\n");
            md.append("![").append(chart.caption()).append("](").append(chart.file()).append(")\n");
        }
        return md.toString();
    }

    private static String row(ReportRow r, boolean proxy) {
        ReportRow.PhaseSeconds s = r.seconds();
        String winRates = proxy ? winRate(r.vsBase()) + " | " + winRate(r.proxyVsBase()) : winRate(r.vsBase());
        return "| " + String.join(" | ", Integer.toString(r.iteration()), number(r.loss(), 4),
                number(r.winnerWinRate(), 4), number(r.loserWinRate(), 4), number(r.kl(), 4), winRates,
                winRate(r.vsPrevious()), number(r.taskScore(), 3), number(r.exactMatch(), 3),
                number(s.generate(), 1), number(s.prefer(), 1), number(s.train(), 1), number(s.evaluate(), 1))
                + " |\n";
    }

    private static String number(double v, int decimals) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    private static String winRate(WinRate w) {
        return w == null ? "-" : String.format(Locale.ROOT, "%.3f [%.3f, %.3f]", w.rate(), w.lower(), w.upper());
    }
}
