package dev.sppo.report;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;

/** The look shared by every chart: fonts, colors and margins, in pixels. */
final class ChartStyle {

    /** Colors of the series, in order (the "tab10" palette); they repeat after the last. */
    static final Color[] PALETTE = {new Color(31, 119, 180), new Color(255, 127, 14), new Color(44, 160, 44),
        new Color(214, 39, 40), new Color(148, 103, 189), new Color(140, 86, 75)};
    static final Color BACKGROUND = Color.WHITE;
    static final Color GRID = new Color(225, 225, 225);
    static final Color INK = new Color(40, 40, 40);
    static final Font FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
    static final Font TITLE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 16);

    /** Space left of the plot (y tick labels and the y axis label). */
    static final int LEFT = 78;
    static final int RIGHT = 28;
    /** Space below the plot (x tick labels and the x axis label). */
    static final int BOTTOM = 56;
    /** Where the legend's first row starts, below the title. */
    static final int LEGEND_TOP = 40;
    static final int LEGEND_ROW = 20;
    static final int SWATCH = 26;
    static final float LINE_WIDTH = 2.5f;
    static final double MARKER = 7;

    /** Opacity of a confidence band (0-255). */
    private static final int BAND_ALPHA = 55;

    private ChartStyle() {}

    static Color color(int seriesIndex) {
        return PALETTE[seriesIndex % PALETTE.length];
    }

    static Color band(Color color) {
        return new Color(color.getRed(), color.getGreen(), color.getBlue(), BAND_ALPHA);
    }

    static void drawCentered(Graphics2D g, String text, int centerX, int baseline) {
        g.drawString(text, centerX - g.getFontMetrics().stringWidth(text) / 2, baseline);
    }
}
