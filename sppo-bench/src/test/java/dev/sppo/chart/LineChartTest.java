package dev.sppo.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.awt.Color;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.Range;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LineChartTest {

    private static final double[] T = {0, 1, 2};
    private static final double NAN = Double.NaN;
    private static final double INF = Double.POSITIVE_INFINITY;

    @TempDir
    Path tmp;

    @Test
    void pngHasTheRequestedSizeAndTheSeriesColorWhereTheLineIs() throws IOException {
        LineChart chart = new LineChart("rising", "iteration", "value").integerX()
                .add(Series.line("first", T, new double[] {0.1, 0.5, 0.9}));
        Path file = tmp.resolve("charts/rising.png");

        chart.writePng(file, 640, 400);

        BufferedImage png = ImageIO.read(file.toFile());
        assertThat(png.getWidth()).isEqualTo(640);
        assertThat(png.getHeight()).isEqualTo(400);
        Drawn drawn = Drawn.of(chart, 640, 400);
        // halfway along each segment, off the x grid lines (0, 1, 2)
        near(drawn.onLine(0.5, 0.3, ChartStyle.color(0)), ChartStyle.color(0), 40);
        near(drawn.onLine(1.5, 0.7, ChartStyle.color(0)), ChartStyle.color(0), 40);
        assertThat(drawn.pixel(0.5, drawn.offGrid(0.8))).isEqualTo(ChartStyle.BACKGROUND);
    }

    @Test
    void secondSeriesHasTheSecondColorAndAGapWhereAValueIsMissing() {
        LineChart chart = new LineChart("two", "x", "y").integerX()
                .add(Series.line("flat", T, new double[] {0.3, 0.3, 0.3}))
                .add(Series.line("gappy", T, new double[] {0.7, NAN, 0.7}));

        Drawn drawn = Drawn.of(chart, 640, 400);

        near(drawn.onLine(0.5, 0.3, ChartStyle.color(0)), ChartStyle.color(0), 40);
        assertThat(drawn.pixel(0.5, 0.7)).isIn(ChartStyle.BACKGROUND, ChartStyle.GRID);
        near(drawn.onLine(2, 0.7, ChartStyle.color(1)), ChartStyle.color(1), 40);
    }

    @Test
    void bandIsShadedInATranslucentSeriesColorBetweenItsEnds() {
        LineChart chart = new LineChart("band", "x", "y").integerX()
                .add(Series.line("mid", T, new double[] {0.5, 0.5, 0.5})
                        .withBand(new double[] {0.3, 0.3, 0.3}, new double[] {0.7, 0.7, 0.7}));

        Drawn drawn = Drawn.of(chart, 640, 400);

        near(drawn.pixel(0.5, drawn.offGrid(0.62)), ChartColors.band(0), 2);
        near(drawn.pixel(1.5, drawn.offGrid(0.38)), ChartColors.band(0), 2);
        assertThat(drawn.range().getUpperBound()).isGreaterThanOrEqualTo(0.7);
        assertThat(drawn.range().getLowerBound()).isLessThanOrEqualTo(0.3);
    }

    @Test
    void aBandIsBrokenWhereAnEndIsMissingAndALoneBandedPointGetsABar() {
        double[] x = {0, 1, 2, 3};
        LineChart chart = new LineChart("gappy band", "x", "y").integerX()
                .add(Series.line("mid", x, new double[] {0.5, 0.5, 0.5, 0.5})
                        .withBand(new double[] {0.3, NAN, 0.3, 0.3}, new double[] {0.7, 0.7, 0.7, 0.7}));

        Drawn drawn = Drawn.of(chart, 640, 400);

        near(drawn.pixel(2.5, drawn.offGrid(0.62)), ChartColors.band(0), 2);
        near(drawn.pixel(0.01, drawn.offGrid(0.62)), ChartColors.band(0), 2);
        assertThat(drawn.pixel(0.5, drawn.offGrid(0.62))).isEqualTo(ChartStyle.BACKGROUND);
    }

    @Test
    void nonFiniteValuesAreLeftOutWithoutFailure() {
        LineChart chart = new LineChart("wild", "x", "y")
                .add(Series.line("wild", new double[] {0, NAN, 2, 3, INF}, new double[] {1, 5, -INF, 2, 4})
                        .withBand(new double[] {0.5, 4, 1, INF, 3}, new double[] {1.5, 6, 2, 3, NAN}));

        assertThatCode(() -> chart.writePng(tmp.resolve("wild.png"), 640, 400)).doesNotThrowAnyException();

        Drawn drawn = Drawn.of(chart, 640, 400);
        assertThat(drawn.range().getLowerBound()).isBetween(0.0, 0.5);
        assertThat(drawn.range().getUpperBound()).isBetween(2.0, 3.0);
    }

    @Test
    void axisFitsTheDataAndWidensToShowAReferenceLine() {
        double[] loss = {1.66, 1.74, 1.75};

        Range fitted = Drawn.of(new LineChart("loss", "x", "y").add(Series.line("loss", T, loss)), 640, 400)
                .range();
        Range withReference = Drawn.of(new LineChart("loss", "x", "y").add(Series.line("loss", T, loss))
                .reference(0.5, "even"), 640, 400).range();

        assertThat(fitted.getLowerBound()).isLessThanOrEqualTo(1.66).isGreaterThan(1.5);
        assertThat(fitted.getUpperBound()).isGreaterThanOrEqualTo(1.75).isLessThan(1.9);
        assertThat(withReference.getLowerBound()).isLessThan(0.5);
        assertThat(withReference.getUpperBound()).isGreaterThanOrEqualTo(1.75);
    }

    @Test
    void iterationAxisHasTicksOnlyAtWholeNumbers() {
        LineChart chart = new LineChart("short run", "iteration", "y").integerX()
                .add(Series.line("one step", new double[] {0, 1}, new double[] {0.2, 0.4}));

        double step = Drawn.of(chart, 900, 500).xAxis().getTickUnit().getSize();

        assertThat(step).isGreaterThanOrEqualTo(1).isEqualTo(Math.rint(step));
    }

    @Test
    void chartWithoutAnyFinitePointSaysNoData() {
        LineChart chart = new LineChart("empty", "x", "y")
                .add(Series.line("nothing", T, new double[] {NAN, NAN, NAN}));

        Drawn drawn = Drawn.of(chart, 400, 300);

        Rectangle2D area = drawn.area();
        boolean text = false;
        for (int x = (int) area.getCenterX() - 40; x < area.getCenterX() + 40; x++) {
            for (int y = (int) area.getCenterY() - 8; y < area.getCenterY() + 8; y++) {
                text |= new Color(drawn.image().getRGB(x, y)).getRed() < 120;
            }
        }
        assertThat(text).as("'no data' written at the centre of the plot").isTrue();
    }

    /** Within {@code tolerance} per channel (40: the middle of an anti-aliased 2.5-pixel line). */
    private static void near(Color actual, Color expected, int tolerance) {
        assertThat(ChartColors.distance(actual, expected)).as("%s against %s", actual, expected)
                .isLessThanOrEqualTo(tolerance);
    }

    /** A chart drawn into an image, with where its data went. */
    private record Drawn(BufferedImage image, XYPlot plot, Rectangle2D area) {

        static Drawn of(LineChart chart, int width, int height) {
            JFreeChart jfree = chart.toJFreeChart();
            ChartRenderingInfo info = new ChartRenderingInfo();
            BufferedImage image = jfree.createBufferedImage(width, height, info);
            return new Drawn(image, jfree.getXYPlot(), info.getPlotInfo().getDataArea());
        }

        Color pixel(double x, double y) {
            return new Color(image.getRGB(column(x), row(y)));
        }

        int column(double x) {
            return (int) Math.round(plot.getDomainAxis().valueToJava2D(x, area, plot.getDomainAxisEdge()));
        }

        int row(double y) {
            return (int) Math.round(plot.getRangeAxis().valueToJava2D(y, area, plot.getRangeAxisEdge()));
        }

        /** Of the pixel at (x, y) and its eight neighbours, the one nearest {@code color}: a line passes there. */
        Color onLine(double x, double y, Color color) {
            Color pixel = pixel(x, y);
            for (int dx = -1; dx <= 1; dx++) {
                for (int dy = -1; dy <= 1; dy++) {
                    Color c = new Color(image.getRGB(column(x) + dx, row(y) + dy));
                    if (ChartColors.distance(c, color) < ChartColors.distance(pixel, color)) {
                        pixel = c;
                    }
                }
            }
            return pixel;
        }

        Range range() {
            return plot.getRangeAxis().getRange();
        }

        NumberAxis xAxis() {
            return (NumberAxis) plot.getDomainAxis();
        }

        /** The y halfway between the two horizontal grid lines around {@code y}. */
        double offGrid(double y) {
            double step = ((NumberAxis) plot.getRangeAxis()).getTickUnit().getSize();
            return (Math.floor(y / step) + 0.5) * step;
        }
    }
}
