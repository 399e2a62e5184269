package dev.sppo.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LineChartTest {

    private static final double[] T = {0, 1, 2};

    @TempDir
    Path tmp;

    @Test
    void pngHasTheRequestedSizeAndTheSeriesColorWhereTheLineIs() throws IOException {
        LineChart chart = new LineChart("rising", "iteration", "value").integerX().yRange(0, 1)
                .add(Series.line("first", T, new double[] {0.1, 0.5, 0.9}));
        Path file = tmp.resolve("charts/rising.png");

        chart.writePng(file, 640, 400);

        BufferedImage image = ImageIO.read(file.toFile());
        assertThat(image.getWidth()).isEqualTo(640);
        assertThat(image.getHeight()).isEqualTo(400);
        PlotArea area = chart.plotArea(640, 400);
        // halfway along the first segment: (0.5, 0.3), on neither an x grid line (0, 1, 2) nor a y one (0.2, 0.4)
        assertThat(pixel(image, area.px(0.5), area.py(0.3))).satisfies(c -> near(c, ChartStyle.color(0)));
        assertThat(pixel(image, area.px(1.5), area.py(0.7))).satisfies(c -> near(c, ChartStyle.color(0)));
        // far from the line, the plot is background
        assertThat(pixel(image, area.px(0.5), area.py(0.9))).isEqualTo(ChartStyle.BACKGROUND);
    }

    @Test
    void secondSeriesHasTheSecondColorAndAGapWhereAValueIsMissing() {
        LineChart chart = new LineChart("two", "x", "y").integerX().yRange(0, 1)
                .add(Series.line("flat", T, new double[] {0.3, 0.3, 0.3}))
                .add(Series.line("gappy", T, new double[] {0.7, Double.NaN, 0.7}));

        BufferedImage image = chart.render(640, 400);

        PlotArea area = chart.plotArea(640, 400);
        assertThat(pixel(image, area.px(0.5), area.py(0.3))).satisfies(c -> near(c, ChartStyle.color(0)));
        assertThat(pixel(image, area.px(0.5), area.py(0.7))).isEqualTo(ChartStyle.BACKGROUND);
        assertThat(pixel(image, area.px(2), area.py(0.7))).satisfies(c -> near(c, ChartStyle.color(1)));
    }

    @Test
    void bandIsShadedInATranslucentSeriesColorBetweenItsEnds() {
        LineChart chart = new LineChart("band", "x", "y").integerX().yRange(0, 1)
                .add(Series.line("mid", T, new double[] {0.5, 0.5, 0.5})
                        .withBand(new double[] {0.3, 0.3, 0.3}, new double[] {0.7, 0.7, 0.7}));

        BufferedImage image = chart.render(640, 400);

        PlotArea area = chart.plotArea(640, 400);
        Color inside = pixel(image, area.px(0.5), area.py(0.65));
        assertThat(inside).isEqualTo(blend(ChartStyle.band(ChartStyle.color(0))));
        assertThat(pixel(image, area.px(0.5), area.py(0.75))).isEqualTo(ChartStyle.BACKGROUND);
    }

    @Test
    void axisFitsTheDataWhenNotFixed() {
        LineChart chart = new LineChart("loss", "x", "y").integerX()
                .add(Series.line("loss", T, new double[] {1.66, 1.74, 1.75}));

        PlotArea area = chart.plotArea(640, 400);

        assertThat(area.yMin()).isLessThanOrEqualTo(1.66).isGreaterThan(1.5);
        assertThat(area.yMax()).isGreaterThanOrEqualTo(1.75).isLessThan(1.9);
        assertThat(area.xMin()).isLessThan(0);
        assertThat(area.xMax()).isGreaterThan(2);
    }

    @Test
    void chartWithoutAnyFinitePointSaysNoData() {
        LineChart chart = new LineChart("empty", "x", "y")
                .add(Series.line("nothing", T, new double[] {Double.NaN, Double.NaN, Double.NaN}));

        BufferedImage image = chart.render(400, 300);

        assertThat(chart.plotArea(400, 300)).isNull();
        assertThat(image.getRGB(200, 295)).isEqualTo(ChartStyle.BACKGROUND.getRGB());
        boolean text = false;
        for (int x = 150; x < 250; x++) {
            text |= image.getRGB(x, 146) != ChartStyle.BACKGROUND.getRGB();
        }
        assertThat(text).as("'no data' drawn at the centre").isTrue();
    }

    @Test
    void mismatchedLengthsAndTinyImagesAreRefused() {
        assertThatThrownBy(() -> Series.line("s", T, new double[] {1}))
                .hasMessage("series s: 3 x values but 1 y values");
        assertThatThrownBy(() -> Series.line("s", T, T).withBand(T, new double[] {1}))
                .hasMessage("series s: the band needs 3 lower and upper ends, got 3 and 1");
        assertThatThrownBy(() -> new LineChart("t", "x", "y").render(100, 100))
                .hasMessage("a chart needs at least 200 x 150 pixels, got 100 x 100");
    }

    private static Color pixel(BufferedImage image, double x, double y) {
        return new Color(image.getRGB((int) Math.round(x), (int) Math.round(y)));
    }

    /** Within 40 per channel: the middle of an anti-aliased 2.5-pixel line. */
    private static void near(Color actual, Color expected) {
        assertThat(Math.abs(actual.getRed() - expected.getRed())).as("red of %s", actual).isLessThan(40);
        assertThat(Math.abs(actual.getGreen() - expected.getGreen())).as("green of %s", actual).isLessThan(40);
        assertThat(Math.abs(actual.getBlue() - expected.getBlue())).as("blue of %s", actual).isLessThan(40);
    }

    /** {@code color} painted over the background with its alpha. */
    private static Color blend(Color color) {
        double a = color.getAlpha() / 255.0;
        Color bg = ChartStyle.BACKGROUND;
        return new Color((int) Math.round(color.getRed() * a + bg.getRed() * (1 - a)),
                (int) Math.round(color.getGreen() * a + bg.getGreen() * (1 - a)),
                (int) Math.round(color.getBlue() * a + bg.getBlue() * (1 - a)));
    }
}
