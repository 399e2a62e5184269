package dev.sppo.chart;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;

/** A figure drawn by JFreeChart that renders itself as a PNG file. */
public interface Chart {

    /** The chart as JFreeChart's objects. */
    JFreeChart toJFreeChart();

    /** Renders the chart as a {@code width} × {@code height} PNG file, creating its directory. */
    default void writePng(Path file, int width, int height) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        ChartUtils.saveChartAsPNG(file.toFile(), toJFreeChart(), width, height);
    }
}
