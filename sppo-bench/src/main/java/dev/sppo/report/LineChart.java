package dev.sppo.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Stroke;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;

/**
 * A line chart drawn with Java2D into a {@link BufferedImage} (no display needed: {@code java.awt.headless} is
 * set to true unless the JVM was started with a value): a title, a {@link Legend}, axes with labelled
 * {@link Ticks} and grid lines, dashed horizontal reference lines, and one or more {@link Series}, each with an
 * optional shaded band. The y axis fits the data (bands and reference lines included) unless {@link #yRange}
 * fixes it.
 */
public final class LineChart {

    static {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    private record Reference(double y, String label) {}

    private record Axes(Ticks x, Ticks y) {}

    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final List<Series> series = new ArrayList<>();
    private final List<Reference> references = new ArrayList<>();
    private boolean integerX;
    private double[] fixedY;

    public LineChart(String title, String xLabel, String yLabel) {
        this.title = title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
    }

    public LineChart add(Series s) {
        series.add(s);
        return this;
    }

    /** A dashed horizontal line at {@code y}, labelled at its left end. */
    public LineChart reference(double y, String label) {
        references.add(new Reference(y, label));
        return this;
    }

    /** Ticks on the x axis only at whole numbers (iterations). */
    public LineChart integerX() {
        integerX = true;
        return this;
    }

    /** Fixes the y axis to [min, max] (widened to whole tick steps). */
    public LineChart yRange(double min, double max) {
        if (!(min < max)) {
            throw new IllegalArgumentException("yRange needs min < max, got [" + min + ", " + max + "]");
        }
        fixedY = new double[] {min, max};
        return this;
    }

    /** Renders the chart as a {@code width} × {@code height} PNG file, creating its directory. */
    public void writePng(Path file, int width, int height) throws IOException {
        BufferedImage image = render(width, height);
        Files.createDirectories(file.toAbsolutePath().getParent());
        if (!ImageIO.write(image, "png", file.toFile())) {
            throw new IOException(file + ": this JVM has no PNG writer");
        }
    }

    /** Renders the chart into a new {@code width} × {@code height} RGB image. */
    public BufferedImage render(int width, int height) {
        if (width < 200 || height < 150) {
            throw new IllegalArgumentException("a chart needs at least 200 x 150 pixels, got " + width + " x "
                    + height);
        }
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(ChartStyle.BACKGROUND);
            g.fillRect(0, 0, width, height);
            g.setFont(ChartStyle.TITLE_FONT);
            g.setColor(ChartStyle.INK);
            ChartStyle.drawCentered(g, title, width / 2, 24);
            int legendRows = Legend.draw(g, series, width);
            Axes axes = axes();
            if (axes == null) {
                g.setFont(ChartStyle.FONT);
                ChartStyle.drawCentered(g, "no data", width / 2, height / 2);
                return image;
            }
            PlotArea area = area(axes, width, height, legendRows);
            drawAxes(g, area, axes);
            g.setClip(area.left(), area.top(), area.width() + 1, area.height() + 1);
            drawReferences(g, area);
            for (int i = 0; i < series.size(); i++) {
                drawSeries(g, area, series.get(i), ChartStyle.color(i));
            }
            return image;
        } finally {
            g.dispose();
        }
    }

    /** Where {@link #render} puts the data in an image of this size, or null when there is no data. */
    PlotArea plotArea(int width, int height) {
        Axes axes = axes();
        if (axes == null) {
            return null;
        }
        Graphics2D g = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics();
        try {
            return area(axes, width, height, Legend.rows(g, series, width));
        } finally {
            g.dispose();
        }
    }

    /** The axes' ticks, or null when no series has a point to draw. */
    private Axes axes() {
        double[] xs = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        double[] ys = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (Series s : series) {
            for (int i = 0; i < s.x().length; i++) {
                if (s.drawn(i)) {
                    extend(xs, s.x()[i]);
                    extend(ys, s.y()[i]);
                }
                if (s.banded(i)) {
                    extend(ys, s.lower()[i]);
                    extend(ys, s.upper()[i]);
                }
            }
        }
        if (xs[0] > xs[1]) {
            return null;
        }
        references.forEach(r -> extend(ys, r.y()));
        Ticks y = fixedY != null ? Ticks.covering(fixedY[0], fixedY[1], 5, false) : fitted(ys[0], ys[1]);
        return new Axes(Ticks.covering(xs[0], xs[1], 8, integerX), y);
    }

    /** Ticks over [min, max] padded by 5% each side, so that no point sits on the frame, but not below 0. */
    private static Ticks fitted(double min, double max) {
        double pad = 0.05 * (max - min);
        double low = min >= 0 ? Math.max(0, min - pad) : min - pad;
        return Ticks.covering(low, max + pad, 6, false);
    }

    private static void extend(double[] range, double v) {
        range[0] = Math.min(range[0], v);
        range[1] = Math.max(range[1], v);
    }

    /** The plot rectangle below the legend; x is padded by 4% each side so edge markers stay inside. */
    private static PlotArea area(Axes axes, int width, int height, int legendRows) {
        int top = ChartStyle.LEGEND_TOP + legendRows * ChartStyle.LEGEND_ROW + 8;
        double pad = 0.04 * (axes.x().max() - axes.x().min());
        return new PlotArea(ChartStyle.LEFT, top, width - ChartStyle.LEFT - ChartStyle.RIGHT,
                height - top - ChartStyle.BOTTOM, axes.x().min() - pad, axes.x().max() + pad, axes.y().min(),
                axes.y().max());
    }

    private void drawAxes(Graphics2D g, PlotArea area, Axes axes) {
        g.setFont(ChartStyle.FONT);
        FontMetrics fm = g.getFontMetrics();
        g.setStroke(new BasicStroke(1f));
        for (double v : axes.y().values()) {
            int y = (int) Math.round(area.py(v));
            g.setColor(ChartStyle.GRID);
            g.drawLine(area.left(), y, area.right(), y);
            g.setColor(ChartStyle.INK);
            String label = axes.y().label(v);
            g.drawString(label, area.left() - 8 - fm.stringWidth(label), y + fm.getAscent() / 2 - 1);
        }
        for (double v : axes.x().values()) {
            int x = (int) Math.round(area.px(v));
            g.setColor(ChartStyle.GRID);
            g.drawLine(x, area.top(), x, area.bottom());
            g.setColor(ChartStyle.INK);
            ChartStyle.drawCentered(g, axes.x().label(v), x, area.bottom() + 8 + fm.getAscent());
        }
        g.setColor(ChartStyle.INK);
        g.drawRect(area.left(), area.top(), area.width(), area.height());
        ChartStyle.drawCentered(g, xLabel, area.left() + area.width() / 2, area.bottom() + 16 + 2 * fm.getAscent());
        AffineTransform saved = g.getTransform();
        g.rotate(-Math.PI / 2);
        ChartStyle.drawCentered(g, yLabel, -(area.top() + area.height() / 2), 20);
        g.setTransform(saved);
    }

    private void drawReferences(Graphics2D g, PlotArea area) {
        Stroke dashed = new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {6, 4},
                0);
        g.setFont(ChartStyle.FONT);
        for (Reference r : references) {
            double y = area.py(r.y());
            g.setColor(Color.GRAY);
            g.setStroke(dashed);
            g.draw(new Line2D.Double(area.left(), y, area.right(), y));
            g.drawString(r.label(), area.left() + 6, (float) y - 4);
        }
    }

    /** The band first, then the line through consecutive drawn points, with a marker on each point. */
    private static void drawSeries(Graphics2D g, PlotArea area, Series s, Color color) {
        if (s.hasBand()) {
            g.setColor(ChartStyle.band(color));
            drawBand(g, area, s);
        }
        g.setColor(color);
        g.setStroke(new BasicStroke(ChartStyle.LINE_WIDTH, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        Path2D.Double line = new Path2D.Double();
        boolean open = false;
        double r = ChartStyle.MARKER / 2;
        for (int i = 0; i < s.x().length; i++) {
            if (!s.drawn(i)) {
                open = false;
                continue;
            }
            double x = area.px(s.x()[i]);
            double y = area.py(s.y()[i]);
            if (open) {
                line.lineTo(x, y);
            } else {
                line.moveTo(x, y);
                open = true;
            }
            g.fill(new Ellipse2D.Double(x - r, y - r, ChartStyle.MARKER, ChartStyle.MARKER));
        }
        g.draw(line);
    }

    /** Fills each run of consecutive banded points; a lone banded point gets a narrow bar instead. */
    private static void drawBand(Graphics2D g, PlotArea area, Series s) {
        int n = s.x().length;
        int start = 0;
        while (start < n) {
            if (!s.banded(start)) {
                start++;
                continue;
            }
            int end = start;
            while (end + 1 < n && s.banded(end + 1)) {
                end++;
            }
            Path2D.Double band = new Path2D.Double();
            if (end == start) {
                double x = area.px(s.x()[start]);
                double top = area.py(s.upper()[start]);
                band.append(new Rectangle2D.Double(x - 5, top, 10, area.py(s.lower()[start]) - top), false);
            } else {
                band.moveTo(area.px(s.x()[start]), area.py(s.upper()[start]));
                for (int i = start + 1; i <= end; i++) {
                    band.lineTo(area.px(s.x()[i]), area.py(s.upper()[i]));
                }
                for (int i = end; i >= start; i--) {
                    band.lineTo(area.px(s.x()[i]), area.py(s.lower()[i]));
                }
                band.closePath();
            }
            g.fill(band);
            start = end + 1;
        }
    }
}
