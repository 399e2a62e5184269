package dev.sppo.chart;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A chart and the PNG file it is written to, with the caption that the markdown document beside it shows (a
 * heading or the image's alt text).
 *
 * @param file the PNG's file name, unique within its directory: lower-case letters, digits, '_' and '-'
 * @param caption the markdown caption
 * @param chart the figure
 */
public record ChartFile(String file, String caption, Chart chart) {

    public ChartFile {
        if (file == null || !file.matches("[a-z0-9_-]+\\.png")) {
            throw new IllegalArgumentException("chart file must be a plain lower-case .png name, got " + file);
        }
    }

    /** Writes the chart as {@code dir/file}, {@code width} × {@code height} pixels; returns that path. */
    public Path writePng(Path dir, int width, int height) throws IOException {
        Path png = dir.resolve(file);
        chart.writePng(png, width, height);
        return png;
    }
}
