package dev.sppo.study;

import dev.sppo.report.LineChart;
import dev.sppo.report.Series;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import java.util.stream.IntStream;

/**
 * The charts of a study, per task: each method's mean over seeds against the iteration t, with the 95%
 * t-interval over seeds shaded, and each method's path in the (KL to π_0, win rate) plane.
 */
final class StudyCharts {

    /**
     * One chart and where it goes.
     *
     * @param file PNG file name inside the charts directory
     * @param caption the markdown caption
     * @param chart the chart
     */
    record Chart(String file, String caption, LineChart chart) {}

    private static final String X_LABEL = "iteration t (policy π_t)";

    private StudyCharts() {}

    static List<Chart> of(StudyResults results, String task) {
        int seeds = results.config().seeds().size();
        String band = " (mean of " + seeds + " seeds, 95% CI shaded)";
        return List.of(
                new Chart("win_rate-" + task + ".png", task + ": gold win rate of π_t vs π_0",
                        overIterations(results, task, Metric.WIN_RATE, "Gold win rate vs π_0" + band)
                                .reference(0.5, "even")),
                new Chart("task_score-" + task + ".png", task + ": task score of π_t",
                        overIterations(results, task, Metric.TASK_SCORE, "Held-out task score" + band)),
                new Chart("kl_vs_win_rate-" + task + ".png", task + ": KL to π_0 against win rate, t = 0.."
                        + results.config().iterations(), klAgainstWinRate(results, task)));
    }

    private static LineChart overIterations(StudyResults results, String task, Metric metric, String title) {
        LineChart chart = new LineChart(task + ": " + title, X_LABEL, metric.label()).integerX();
        double[] t = IntStream.rangeClosed(0, results.config().iterations()).asDoubleStream().toArray();
        for (String method : methods(results)) {
            List<MeanInterval> points = summaries(results, task, method, metric);
            chart.add(Series.line(method, t, column(points, MeanInterval::mean))
                    .withBand(column(points, MeanInterval::lower), column(points, MeanInterval::upper)));
        }
        return chart;
    }

    /** π_0 sits at (0, 1/2): it is even against itself and at no distance from itself. */
    private static LineChart klAgainstWinRate(StudyResults results, String task) {
        LineChart chart = new LineChart(task + ": distance from π_0 against gain over it (t = 0.."
                + results.config().iterations() + ", means over seeds)", Metric.KL_TO_BASE.label(),
                Metric.WIN_RATE.label()).reference(0.5, "even");
        for (String method : methods(results)) {
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
