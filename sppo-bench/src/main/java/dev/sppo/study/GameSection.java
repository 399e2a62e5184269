package dev.sppo.study;

import dev.sppo.game.ClassGame;
import dev.sppo.markdown.MarkdownTable;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The part of {@code results.md} on a task of answer classes: the final standing of every method's last and
 * averaged iterate, a table per game metric over the iterations, paired differences of the game metrics, and the
 * class shares at π_T beside π_0's and the Nash mixture's.
 */
final class GameSection {

    private GameSection() {}

    static String of(StudyResults results, String task, ClassGame game) {
        StringBuilder md = new StringBuilder(String.format(Locale.ROOT, "%n### Exploitability and distance to the "
                + "Nash mixture at π_%d%n%n", results.config().iterations()));
        md.append("Best-response win rate max_y P(y ≻ π) (0.5 at the Nash mixture; the duality gap is twice it "
                + "minus 1), total-variation distance to the LP Nash mixture, and win rate against π_0 under the "
                + "class matrix, for the last iterate π_T and the averaged iterate π̄_T (uniform mixture of "
                + "π_1..π_T).\n\n").append(finalTable(results, task));
        for (Metric metric : Metric.game()) {
            md.append("\n#### ").append(metric.label()).append("\n\n")
                    .append(ResultsMarkdown.table(results, task, metric));
        }
        md.append(ResultsMarkdown.differences(results, task, Metric.game()));
        return md.append(sharesTable(results, task, game)).toString();
    }

    /** The headline table of a task: methods down, the game metrics at π_T across. */
    static String finalTable(StudyResults results, String task) {
        int t = results.config().iterations();
        List<Metric> metrics = List.of(Metric.EXPLOITABILITY, Metric.AVERAGED_EXPLOITABILITY, Metric.DISTANCE_TO_NASH,
                Metric.AVERAGED_DISTANCE_TO_NASH, Metric.GAME_WIN_RATE, Metric.AVERAGED_GAME_WIN_RATE);
        MarkdownTable table = new MarkdownTable(Stream.concat(Stream.of("method"), metrics.stream()
                .map(Metric::label)).toArray(String[]::new));
        for (StudyMethod method : results.config().methods()) {
            table.row(Stream.concat(Stream.of(method.name()), metrics.stream()
                    .map(m -> results.summary(task, method.name(), t, m).format(m.decimals())))
                    .toArray(String[]::new));
        }
        return table.markdown();
    }

    private static String sharesTable(StudyResults results, String task, ClassGame game) {
        int t = results.config().iterations();
        List<String> classes = game.classNames();
        MarkdownTable table = new MarkdownTable(Stream.concat(Stream.of("policy"), classes.stream())
                .toArray(String[]::new));
        table.row(row("Nash mixture (LP)", game.nash()));
        String first = results.config().methods().get(0).name();
        results.meanShares(task, first, 0, false).ifPresent(shares -> table.row(row("π_0", shares)));
        for (StudyMethod method : results.config().methods()) {
            results.meanShares(task, method.name(), t, false)
                    .ifPresent(shares -> table.row(row(method.name() + " π_" + t, shares)));
            results.meanShares(task, method.name(), t, true)
                    .ifPresent(shares -> table.row(row(method.name() + " π̄_" + t, shares)));
        }
        return String.format(Locale.ROOT, "%n### Class shares at π_%d (mean over seeds)%n%n", t) + table.markdown();
    }

    private static String[] row(String label, double[] shares) {
        return Stream.concat(Stream.of(label), Arrays.stream(shares)
                .mapToObj(s -> String.format(Locale.ROOT, "%.3f", s))).toArray(String[]::new);
    }
}
