package dev.sppo.study;

import dev.sppo.chart.ChartFile;
import dev.sppo.chart.StackedAreaChart;
import dev.sppo.game.ClassGame;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * The charts of a task of answer classes: exploitability of the last and the averaged iterate and the distance of
 * the last iterate to the Nash mixture over the iterations (each method's seed mean, 95% t-interval shaded), and
 * per method the class distribution of π_t over the iterations as stacked areas (seed means).
 */
final class GameCharts {

    private static final String BAND = " (seed mean, 95% CI shaded)";

    private GameCharts() {}

    static List<ChartFile> of(StudyResults results, String task, ClassGame game) {
        List<ChartFile> charts = new ArrayList<>(List.of(
                new ChartFile("exploitability-" + task + ".png", task + ": best-response win rate vs π_t",
                        StudyCharts.overIterations(results, task, Metric.EXPLOITABILITY,
                                "exploitability of the last iterate" + BAND).reference(0.5, "Nash")),
                new ChartFile("averaged_exploitability-" + task + ".png", task + ": best-response win rate vs π̄_t",
                        StudyCharts.overIterations(results, task, Metric.AVERAGED_EXPLOITABILITY,
                                "exploitability of the averaged iterate" + BAND).reference(0.5, "Nash")),
                new ChartFile("distance_to_nash-" + task + ".png", task + ": TV distance of π_t to the Nash mixture",
                        StudyCharts.overIterations(results, task, Metric.DISTANCE_TO_NASH,
                                "distance of the last iterate to Nash" + BAND).reference(0, "Nash"))));
        for (StudyMethod method : results.config().methods()) {
            charts.add(new ChartFile("shares-" + task + "-" + method.name().toLowerCase(Locale.ROOT).replace('.', '-') + ".png",
                    task + ": class shares of π_t, " + method.name(), shares(results, task, method.name(), game)));
        }
        return charts;
    }

    private static StackedAreaChart shares(StudyResults results, String task, String method, ClassGame game) {
        int iterations = results.config().iterations();
        double[] t = IntStream.rangeClosed(0, iterations).asDoubleStream().toArray();
        List<String> classes = game.classNames();
        double[][] byClass = new double[classes.size()][iterations + 1];
        for (int s = 0; s <= iterations; s++) {
            double[] shares = results.meanShares(task, method, s, false).orElse(new double[classes.size()]);
            for (int c = 0; c < classes.size(); c++) {
                byClass[c][s] = shares[c];
            }
        }
        StackedAreaChart chart = new StackedAreaChart(task + ": class shares of π_t, " + method
                + " (seed means)", "iteration t (policy π_t)", "share of responses", t);
        for (int c = 0; c < classes.size(); c++) {
            chart.layer(classes.get(c), byClass[c]);
        }
        return chart;
    }
}
