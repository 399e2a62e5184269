package dev.sppo.bench;

import dev.sppo.chart.ChartFile;

import java.io.IOException;
import java.nio.file.Path;

import java.util.List;
import java.util.Locale;

/**
 * Renders the sections of a full benchmark run as one markdown document: a heading, the command that
 * regenerates it, then each section numbered, with its table, its notes and a line naming the command, the
 * machine's threads and load and the section's wall time.
 */
public final class PerformanceDocument {

    /** Where the charts go, relative to the document. */
    public static final String CHART_DIR = "performance";
    private static final int CHART_WIDTH = 800;
    private static final int CHART_HEIGHT = 450;

    private PerformanceDocument() {}

    /** Writes every section's charts as PNGs into {@code dir}. */
    public static void writeCharts(List<ReportSection> sections, Path dir) throws IOException {
        for (ReportSection s : sections) {
            for (ChartFile chart : s.charts()) {
                chart.writePng(dir, CHART_WIDTH, CHART_HEIGHT);
            }
        }
    }

    /**
     * @param command the command line that produced (and regenerates) the document
     * @param sections the measured sections, in order
     * @param totalSeconds the wall time of the whole run
     */
    public static String render(String command, List<ReportSection> sections, double totalSeconds) {
        StringBuilder out = new StringBuilder("# Performance report\n\n");
        out.append("Every figure below was measured side by side in one run of `").append(command).append("` (")
                .append(String.format(Locale.ROOT, "%.0f s", totalSeconds))
                .append(" in all). The machine is shared, so each section names the load average before and after "
                        + "it; regenerate the report with the same command.\n");
        for (int i = 0; i < sections.size(); i++) {
            appendSection(out, i + 1, command, sections.get(i));
        }
        return out.toString();
    }

    private static void appendSection(StringBuilder out, int number, String command, ReportSection s) {
        out.append("\n## ").append(number).append(". ").append(s.title()).append("\n\n");
        if (!s.setup().isEmpty()) {
            out.append(s.setup()).append("\n\n");
        }
        out.append(s.table().markdown()).append('\n');
        for (ChartFile chart : s.charts()) {
            out.append("![").append(chart.caption()).append("](").append(CHART_DIR).append('/').append(chart.file())
                    .append(")\n\n");
        }
        if (!s.notes().isEmpty()) {
            out.append(s.notes()).append("\n\n");
        }
        if (s.machine() == null) {
            out.append("Computed from the formulas above, not measured.\n");
        } else {
            out.append(String.format(Locale.ROOT, "Command: `%s`. %s Section wall time %.0f s.%n", command,
                    s.machine().describe(), s.seconds()));
        }
    }
}
