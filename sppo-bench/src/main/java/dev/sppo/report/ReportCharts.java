package dev.sppo.report;

import dev.sppo.chart.ChartFile;
import dev.sppo.chart.LineChart;
import dev.sppo.chart.Series;
import dev.sppo.evaluation.WinRate;

import java.util.List;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/** The seven charts of a run report, each plotted against the iteration t of π_t. */
final class ReportCharts {

    private static final String X_LABEL = "iteration t (policy π_t)";

    private ReportCharts() {}

    static List<ChartFile> of(List<ReportRow> rows) {
        double[] t = column(rows, ReportRow::iteration);
        return List.of(
                new ChartFile("win_rate.png", "Win rate", winRate(rows, t)),
                new ChartFile("length.png", "Response length", length(rows, t)),
                new ChartFile("loss.png", "Training loss", chart("Training loss of the update π_{t-1} → π_t",
                        "mean loss").add(Series.line("loss", t, column(rows, ReportRow::loss)))),
                new ChartFile("win_rates_phat.png", "Estimated win rates P̂", phat(rows, t)),
                new ChartFile("task_score.png", "Task score", chart("Held-out task score of π_t", "score")
                        .add(Series.line("task score (graded)", t, column(rows, ReportRow::taskScore)))
                        .add(Series.line("exact match", t, column(rows, ReportRow::exactMatch)))),
                new ChartFile("kl.png", "KL estimate", kl(rows, t)),
                new ChartFile("time.png", "Time per phase", time(rows, t)));
    }

    private static LineChart chart(String title, String yLabel) {
        return new LineChart(title, X_LABEL, yLabel).integerX();
    }

    /**
     * The evaluation's win rates, the length-controlled one beside the raw one when a preference model evaluated,
     * and the proxy's when SPPO trained against a proxy.
     */
    private static LineChart winRate(List<ReportRow> rows, double[] t) {
        LineChart chart = chart("Held-out win rate of π_t (ties count half)", "win rate")
                .add(Series.line("vs π_0 (95% CI shaded)", t, winRates(rows, ReportRow::vsBase, WinRate::rate))
                        .withBand(winRates(rows, ReportRow::vsBase, WinRate::lower),
                                winRates(rows, ReportRow::vsBase, WinRate::upper)))
                .add(Series.line("vs π_{t-1}", t, winRates(rows, ReportRow::vsPrevious, WinRate::rate)));
        addIfDrawn(chart, Series.line("vs π_0 at equal length (length-controlled)", t,
                column(rows, ReportRow::lengthControlled)));
        addIfDrawn(chart, Series.line("vs π_0 under the proxy", t,
                winRates(rows, ReportRow::proxyVsBase, WinRate::rate)));
        return chart.reference(0.5, "even");
    }

    /** Mean response length, in tokens and in characters as far as each was measured. */
    private static LineChart length(List<ReportRow> rows, double[] t) {
        LineChart chart = chart("Mean length of π_t's held-out responses", "mean length");
        addIfDrawn(chart, Series.line("tokens", t, column(rows, r -> r.length().tokens())));
        addIfDrawn(chart, Series.line("characters", t, column(rows, r -> r.length().characters())));
        return chart;
    }

    /** The sampled KL, and beside it the trained responses' log-ratio that used to stand in for it. */
    private static LineChart kl(List<ReportRow> rows, double[] t) {
        LineChart chart = chart("KL(π_t ‖ π_{t-1}), sampled from π_t", "nats")
                .add(Series.line("KL(π_t ‖ π_{t-1})", t, column(rows, ReportRow::kl)));
        addIfDrawn(chart, Series.line("log π_{t-1}/π_t on the trained responses (not a KL)", t,
                column(rows, ReportRow::referenceLogRatio)));
        return chart;
    }

    private static void addIfDrawn(LineChart chart, Series series) {
        if (!series.isEmpty()) {
            chart.add(series);
        }
    }

    private static LineChart phat(List<ReportRow> rows, double[] t) {
        return chart("Estimated win rate P̂ of the trained responses", "mean P̂")
                .add(Series.line("winners", t, column(rows, ReportRow::winnerWinRate)))
                .add(Series.line("losers", t, column(rows, ReportRow::loserWinRate)))
                .reference(0.5, "½");
    }

    /** Seconds per phase; where preference scoring was not timed on its own it is part of "generate". */
    private static LineChart time(List<ReportRow> rows, double[] t) {
        Series prefer = Series.line("prefer", t, column(rows, r -> r.seconds().prefer()));
        LineChart chart = chart("Seconds per phase", "seconds").add(Series.line(
                prefer.isEmpty() ? "generate + prefer" : "generate", t, column(rows, r -> r.seconds().generate())));
        addIfDrawn(chart, prefer);
        return chart.add(Series.line("train", t, column(rows, r -> r.seconds().train())))
                .add(Series.line("evaluate", t, column(rows, r -> r.seconds().evaluate())));
    }

    private static double[] column(List<ReportRow> rows, ToDoubleFunction<ReportRow> value) {
        return rows.stream().mapToDouble(value).toArray();
    }

    private static double[] winRates(List<ReportRow> rows, Function<ReportRow, WinRate> which,
            ToDoubleFunction<WinRate> part) {
        return column(rows, r -> which.apply(r) == null ? Double.NaN : part.applyAsDouble(which.apply(r)));
    }
}
