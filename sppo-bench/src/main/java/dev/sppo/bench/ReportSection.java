package dev.sppo.bench;

import dev.sppo.chart.ChartFile;
import dev.sppo.markdown.MarkdownTable;

import java.util.List;

/**
 * One section of {@code docs/performance.md}: what was measured, the table, what it means, and the conditions it
 * was measured in.
 *
 * @param title the heading
 * @param setup what ran, in a sentence or two (sizes, counts, settings)
 * @param table the measured figures
 * @param notes the reading of the figures and the assumptions behind them (may be empty)
 * @param machine threads, cores and the load average before and after this section; null for a section computed
 *     from formulas, not measured
 * @param seconds wall time of the section
 * @param charts figures drawn from the same measurements (may be empty)
 */
public record ReportSection(
        String title, String setup, MarkdownTable table, String notes, Machine machine, double seconds,
        List<ChartFile> charts) {

    public ReportSection {
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("title must not be blank");
        }
        if (table == null) {
            throw new IllegalArgumentException("section '" + title + "': a table is required");
        }
        setup = setup == null ? "" : setup;
        notes = notes == null ? "" : notes;
        charts = charts == null ? List.of() : List.copyOf(charts);
    }

    public ReportSection(String title, String setup, MarkdownTable table, String notes, Machine machine,
            double seconds) {
        this(title, setup, table, notes, machine, seconds, List.of());
    }

    /** This section with {@code figures} under its table. */
    public ReportSection withCharts(List<ChartFile> figures) {
        return new ReportSection(title, setup, table, notes, machine, seconds, figures);
    }

    /** A section of figures computed from formulas: no command, machine or wall time applies. */
    public static ReportSection computed(String title, String setup, MarkdownTable table, String notes) {
        return new ReportSection(title, setup, table, notes, null, 0);
    }
}
