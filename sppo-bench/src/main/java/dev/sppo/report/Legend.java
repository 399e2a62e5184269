package dev.sppo.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.util.List;

/**
 * A chart's legend: one entry per series (a swatch of its line, over a shaded box when it has a band, and its
 * name) laid out left to right below the title, wrapping into further rows when the width runs out.
 */
final class Legend {

    private Legend() {}

    /** How many rows the legend of {@code series} takes in an image {@code width} wide. */
    static int rows(Graphics2D g, List<Series> series, int width) {
        return layout(g, series, width, false);
    }

    /** Draws the legend; returns its number of rows. */
    static int draw(Graphics2D g, List<Series> series, int width) {
        return layout(g, series, width, true);
    }

    private static int layout(Graphics2D g, List<Series> series, int width, boolean draw) {
        g.setFont(ChartStyle.FONT);
        FontMetrics fm = g.getFontMetrics();
        int x = ChartStyle.LEFT;
        int row = 0;
        for (int i = 0; i < series.size(); i++) {
            Series s = series.get(i);
            int entry = ChartStyle.SWATCH + 6 + fm.stringWidth(s.name()) + 18;
            if (x + entry > width - ChartStyle.RIGHT && x > ChartStyle.LEFT) {
                row++;
                x = ChartStyle.LEFT;
            }
            if (draw) {
                int mid = ChartStyle.LEGEND_TOP + row * ChartStyle.LEGEND_ROW + ChartStyle.LEGEND_ROW / 2;
                swatch(g, s.hasBand(), ChartStyle.color(i), x, mid);
                g.setColor(ChartStyle.INK);
                g.drawString(s.name(), x + ChartStyle.SWATCH + 6, mid + fm.getAscent() / 2 - 1);
            }
            x += entry;
        }
        return series.isEmpty() ? 0 : row + 1;
    }

    private static void swatch(Graphics2D g, boolean band, Color color, int x, int mid) {
        if (band) {
            g.setColor(ChartStyle.band(color));
            g.fillRect(x, mid - 6, ChartStyle.SWATCH, 12);
        }
        g.setColor(color);
        g.setStroke(new BasicStroke(ChartStyle.LINE_WIDTH));
        g.draw(new Line2D.Double(x, mid, x + ChartStyle.SWATCH, mid));
        double r = ChartStyle.MARKER / 2;
        g.fill(new Ellipse2D.Double(x + ChartStyle.SWATCH / 2.0 - r, mid - r, ChartStyle.MARKER, ChartStyle.MARKER));
    }
}
