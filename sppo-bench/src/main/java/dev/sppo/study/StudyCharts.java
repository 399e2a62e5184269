package dev.sppo.study;

import dev.sppo.chart.ChartFile;
import dev.sppo.chart.LineChart;
import dev.sppo.chart.Series;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.ToDoubleFunction;
import java.util.stream.IntStream;

/**
 * The charts of a study, per task: each method's mean over seeds against the iteration t, with the 95%
 * t-interval over seeds shaded, and each method's path in the (KL to π_0, win rate) plane, once for all methods
 * and once zoomed in on those that stay near π_0.
 */
final class StudyCharts {

    private static final String X_LABEL = "iteration t (policy π_t)";
    /** The zoomed KL chart shows the methods whose mean KL to π_0 stays within this many nats. */
    private static final double ZOOM_KL = 2.0;

    private StudyCharts() {}

    /** The general charts of a task, then its game charts if it is a task of answer classes. */
    static List<ChartFile> forTask(StudyResults results, String task) {
        List<ChartFile> charts = new ArrayList<>(of(results, task));
        results.game(task).ifPresent(game -> charts.addAll(GameCharts.of(results, task, game)));
        return charts;
    }

    static List<ChartFile> of(StudyResults results, String task) {
        int seeds = results.config().seeds().size();
        String band = " (mean of " + seeds + " seeds, 95% CI shaded)";
        return List.of(
                new ChartFile("win_rate-" + task + ".png", task + ": gold win rate of π_t vs π_0",
                        overIterations(results, task, Metric.WIN_RATE, "Gold win rate vs π_0" + band)
                                .reference(0.5, "even")),
                new ChartFile("task_score-" + task + ".png", task + ": task score of π_t",
                        overIterations(results, task, Metric.TASK_SCORE, "Held-out task score" + band)),
                new ChartFile("kl_vs_win_rate-" + task + ".png", task + ": KL to π_0 against win rate, t = 0.."
                        + results.config().iterations(), klAgainstWinRate(results, task, Double.POSITIVE_INFINITY)),
                new ChartFile("kl_vs_win_rate_zoom-" + task + ".png", task + ": the same, methods within "
                        + ZOOM_KL + " nats of π_0", klAgainstWinRate(results, task, ZOOM_KL)));
    }

    static LineChart overIterations(StudyResults results, String task, Metric metric, String title) {
        LineChart chart = new LineChart(task + ": " + title, X_LABEL, metric.label()).integerX();
        double[] t = IntStream.rangeClosed(0, results.config().iterations()).asDoubleStream().toArray();
        for (String method : methods(results)) {
            List<MeanInterval> points = summaries(results, task, method, metric);
            chart.add(Series.line(method, t, column(points, MeanInterval::mean))
                    .withBand(column(points, MeanInterval::lower), column(points, MeanInterval::upper)));
        }
        return chart;
    }

    /**
     * π_0 sits at (0, 1/2): it is even against itself and at no distance from itself. With {@code maxKl} finite,
     * methods whose mean KL ever exceeds it are left out (named in the title), so that the others can be read.
     */
    private static LineChart klAgainstWinRate(StudyResults results, String task, double maxKl) {
        List<String> shown = new ArrayList<>();
        List<String> omitted = new ArrayList<>();
        for (String method : methods(results)) {
            double[] kl = column(summaries(results, task, method, Metric.KL_TO_BASE), MeanInterval::mean);
            (Arrays.stream(kl).allMatch(v -> !(v > maxKl)) ? shown : omitted).add(method);
        }
        String title = task + ": KL to π_0 vs win rate (t = 0.." + results.config().iterations()
                + ", seed means)" + (omitted.isEmpty() ? "" : ", without " + String.join(", ", omitted));
        LineChart chart = new LineChart(title, Metric.KL_TO_BASE.label(), Metric.WIN_RATE.label())
                .reference(0.5, "even");
        for (String method : shown) {
            double[] kl = column(summaries(results, task, method, Metric.KL_TO_BASE), MeanInterval::mean);
            double[] win = column(summaries(results, task, method, Metric.WIN_RATE), MeanInterval::mean);
            win[0] = 0.5;
            chart.add(Series.line(method, kl, win));
        }
        return chart;
    }

    private static List<String> methods(StudyResults results) {
        return results.config().methods().stream().map(StudyMethod::name).toList();
    }

    private static List<MeanInterval> summaries(StudyResults results, String task, String method, Metric metric) {
        List<MeanInterval> points = new ArrayList<>();
        for (int t = 0; t <= results.config().iterations(); t++) {
            points.add(results.summary(task, method, t, metric));
        }
        return points;
    }

    private static double[] column(List<MeanInterval> points, ToDoubleFunction<MeanInterval> part) {
        return points.stream().mapToDouble(part).toArray();
    }
}
