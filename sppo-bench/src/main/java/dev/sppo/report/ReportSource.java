package dev.sppo.report;

import java.util.List;

/**
 * The rows of one run, from a run directory or a job, with the title its report carries.
 *
 * @param title what the report is about, e.g. the run directory or the job's name, id and state
 * @param rows one row per policy π_t, in iteration order
 */
public record ReportSource(String title, List<ReportRow> rows) {

    public ReportSource {
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("title must not be blank");
        }
        if (rows == null || rows.isEmpty()) {
            throw new IllegalArgumentException("a report needs at least one row");
        }
        rows = List.copyOf(rows);
        for (int i = 1; i < rows.size(); i++) {
            if (rows.get(i).iteration() <= rows.get(i - 1).iteration()) {
                throw new IllegalArgumentException("rows must be in increasing iteration order, got iteration "
                        + rows.get(i).iteration() + " after " + rows.get(i - 1).iteration());
            }
        }
    }
}
