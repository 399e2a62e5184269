package dev.sppo.bench;

import dev.sppo.report.LineChart;

/**
 * A chart that illustrates a {@link ReportSection}: written as {@code file} (a PNG) next to the report and linked
 * under the section's table.
 *
 * @param file the PNG's file name, unique within the report
 * @param caption the image's alt text
 * @param chart the figure
 */
public record SectionChart(String file, String caption, LineChart chart) {

    public SectionChart {
        if (file == null || !file.matches("[a-z0-9_]+\\.png")) {
            throw new IllegalArgumentException("chart file must be a plain lower-case .png name, got " + file);
        }
    }
}
