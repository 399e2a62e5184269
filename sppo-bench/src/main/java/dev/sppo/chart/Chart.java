package dev.sppo.chart;

import java.io.IOException;
import java.nio.file.Path;

/** A figure that renders itself as a PNG file. */
public interface Chart {

    /** Renders the chart as a {@code width} × {@code height} PNG file, creating its directory. */
    void writePng(Path file, int width, int height) throws IOException;
}
