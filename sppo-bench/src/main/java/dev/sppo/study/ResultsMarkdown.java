package dev.sppo.study;

import dev.sppo.chart.ChartFile;
import dev.sppo.markdown.MarkdownTable;

import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/** The {@code results.md} of a study: verdict, setup, a table per task and metric, paired differences, charts. */
final class ResultsMarkdown {

    private ResultsMarkdown() {}

    /**
     * @param command the command line that regenerates the file
     * @param chartsDir the charts' directory relative to the markdown file
     */
    static String of(StudyResults results, String command, String chartsDir) {
        StudyConfig config = results.config();
        StringBuilder md = new StringBuilder("# Alignment study: SPPO against iterative DPO and IPO\n\n");
        md.append("Regenerate with `").append(command).append("` (finished runs in `").append(config.runsDir())
                .append("` are reused; delete it to start over).\n\n");
        md.append("## Verdict\n\n").append(StudyVerdict.of(results));
        md.append(StudySetup.of(config));
        for (StudyTask task : config.tasks()) {
            md.append("\n## Task: ").append(task.name()).append("\n");
            for (Metric metric : Metric.general()) {
                md.append("\n### ").append(metric.label()).append("\n\n").append(table(results, task.name(), metric));
            }
            md.append(differences(results, task.name()));
            results.game(task.name()).ifPresent(game -> md.append(GameSection.of(results, task.name(), game)));
            for (ChartFile chart : StudyCharts.forTask(results, task.name())) {
                md.append("\n![").append(chart.caption()).append("](").append(chartsDir).append('/')
                        .append(chart.file()).append(")\n");
            }
        }
        return md.toString();
    }

    /** Methods down, iterations across: mean over seeds ± half-width of the 95% t-interval. */
    static String table(StudyResults results, String task, Metric metric) {
        int iterations = results.config().iterations();
        MarkdownTable table = new MarkdownTable(Stream.concat(Stream.of("method"),
                IntStream.rangeClosed(0, iterations).mapToObj(t -> "π_" + t)).toArray(String[]::new));
        for (StudyMethod method : results.config().methods()) {
            table.row(Stream.concat(Stream.of(method.name()), IntStream.rangeClosed(0, iterations)
                    .mapToObj(t -> results.summary(task, method.name(), t, metric).format(metric.decimals())))
                    .toArray(String[]::new));
        }
        return table.markdown();
    }

    /** Each method minus the first one at π_T, per general metric, paired by seed. */
    private static String differences(StudyResults results, String task) {
        return differences(results, task, Metric.general());
    }

    /** Each method minus the first one at π_T, per metric, paired by seed. */
    static String differences(StudyResults results, String task, List<Metric> metrics) {
        StudyConfig config = results.config();
        int t = config.iterations();
        String first = config.methods().get(0).name();
        MarkdownTable table = new MarkdownTable(Stream.concat(Stream.of(first + " minus"),
                metrics.stream().map(Metric::label)).toArray(String[]::new));
        for (StudyMethod other : config.methods().subList(1, config.methods().size())) {
            table.row(Stream.concat(Stream.of(other.name()), metrics.stream()
                    .map(metric -> results.pairedDifference(task, first, other.name(), t, metric)
                            .format(metric.decimals()))).toArray(String[]::new));
        }
        return String.format(Locale.ROOT, "%n### Paired differences at π_%d: %s minus each other method, seed by "
                + "seed%n%n", t, first) + table.markdown();
    }
}
