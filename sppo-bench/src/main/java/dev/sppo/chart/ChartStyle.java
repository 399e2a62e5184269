package dev.sppo.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.TickUnits;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;

/**
 * The project's look of every chart, applied to JFreeChart's parts: colours, fonts, strokes, the translucent
 * confidence band, the dashed reference lines, and the legend in a row below the title.
 */
final class ChartStyle {

    /** Colours of the series, in order (the "tab10" palette); they repeat after the last. */
    static final Color[] PALETTE = {new Color(31, 119, 180), new Color(255, 127, 14), new Color(44, 160, 44),
        new Color(214, 39, 40), new Color(148, 103, 189), new Color(140, 86, 75)};
    static final Color BACKGROUND = Color.WHITE;
    /** Opacity of a confidence band, 0 to 1. */
    static final float BAND_ALPHA = 55 / 255f;
    static final Color GRID = new Color(225, 225, 225);
    private static final Color INK = new Color(40, 40, 40);
    private static final Color REFERENCE = Color.GRAY;
    private static final Font FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
    private static final Font TITLE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 16);
    private static final BasicStroke LINE = new BasicStroke(2.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    private static final BasicStroke DASHED = new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER,
            10, new float[] {6, 4}, 0);
    private static final double MARKER = 7;
    private static final double SWATCH = 26;

    private ChartStyle() {}

    static Color color(int seriesIndex) {
        return PALETTE[seriesIndex % PALETTE.length];
    }

    /**
     * The x axis: padded on both sides so that no marker sits on the frame; with {@code integers}, ticks only at
     * whole numbers (iterations), and a single iteration still gets an axis one iteration wide.
     */
    static NumberAxis xAxis(String label, boolean integers) {
        NumberAxis axis = axis(label, integers, new RectangleInsets(4, 24, 4, 24));
        axis.setAutoRangeStickyZero(false);
        if (integers) {
            axis.setAutoRangeMinimumSize(1);
        }
        return axis;
    }

    /** The y axis: fitted to the data with a margin, which does not cross zero when the data does not. */
    static NumberAxis yAxis(String label) {
        return axis(label, false, new RectangleInsets(12, 4, 12, 6));
    }

    /** {@code labelGaps} keep tick labels apart, so the axis picks about six to ten ticks on a chart's plot. */
    private static NumberAxis axis(String label, boolean integers, RectangleInsets labelGaps) {
        NumberAxis axis = new NumberAxis(label);
        axis.setStandardTickUnits(tickUnits(integers));
        axis.setAutoRangeIncludesZero(false);
        axis.setTickLabelInsets(labelGaps);
        axis.setLabelFont(FONT);
        axis.setLabelPaint(INK);
        axis.setTickLabelFont(FONT);
        axis.setTickLabelPaint(INK);
        axis.setAxisLinePaint(INK);
        axis.setTickMarkPaint(INK);
        return axis;
    }

    /**
     * Steps of 1, 2 or 5 × 10^k, each labelled with as many decimals as it needs (0.70, not 0.7 beside 0.75) in
     * {@link Locale#ROOT}; only whole steps for {@code integers}.
     */
    private static TickUnits tickUnits(boolean integers) {
        TickUnits units = new TickUnits();
        for (int exponent = integers ? 0 : -6; exponent <= 9; exponent++) {
            DecimalFormat format = new DecimalFormat(exponent < 0 ? "0." + "0".repeat(-exponent) : "0",
                    DecimalFormatSymbols.getInstance(Locale.ROOT));
            for (int multiple : new int[] {1, 2, 5}) {
                units.add(new NumberTickUnit(multiple * Math.pow(10, exponent), format));
            }
        }
        return units;
    }

    /** A series' line in {@code color}, with a filled circle on each point. */
    static XYLineAndShapeRenderer line(Color color) {
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        renderer.setDrawSeriesLineAsPath(true);
        renderer.setSeriesPaint(0, color);
        renderer.setSeriesStroke(0, LINE);
        renderer.setSeriesShape(0, new Ellipse2D.Double(-MARKER / 2, -MARKER / 2, MARKER, MARKER));
        renderer.setLegendLine(new Line2D.Double(-SWATCH / 2, 0, SWATCH / 2, 0));
        return renderer;
    }

    /** A series' band, shaded in {@code color} at {@link #BAND_ALPHA}; no line, no marker, no legend entry. */
    static DeviationRenderer band(Color color) {
        DeviationRenderer renderer = new DeviationRenderer(false, false);
        renderer.setAlpha(BAND_ALPHA);
        renderer.setAutoPopulateSeriesFillPaint(false);
        renderer.setDefaultFillPaint(color);
        renderer.setDefaultSeriesVisibleInLegend(false);
        return renderer;
    }

    /** A dashed grey line across the plot at {@code y}, labelled at its left end. */
    static ValueMarker reference(double y, String label) {
        ValueMarker marker = new ValueMarker(y, REFERENCE, DASHED);
        marker.setLabel(label);
        marker.setLabelFont(FONT);
        marker.setLabelPaint(REFERENCE);
        marker.setLabelBackgroundColor(new Color(0, 0, 0, 0));
        marker.setLabelAnchor(RectangleAnchor.TOP_LEFT);
        marker.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
        marker.setLabelOffset(new RectangleInsets(4, 6, 4, 6));
        return marker;
    }

    /** The chart around {@code plot}: the title, the legend in a row below it, a white plot with a light grid. */
    static JFreeChart chart(String title, XYPlot plot) {
        plot.setBackgroundPaint(BACKGROUND);
        plot.setOutlinePaint(INK);
        plot.setDomainGridlinePaint(GRID);
        plot.setRangeGridlinePaint(GRID);
        plot.setDomainGridlineStroke(new BasicStroke(1f));
        plot.setRangeGridlineStroke(new BasicStroke(1f));
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
        plot.setNoDataMessage("no data");
        plot.setNoDataMessageFont(FONT);
        plot.setNoDataMessagePaint(INK);
        JFreeChart chart = new JFreeChart(title, TITLE_FONT, plot, true);
        chart.setBackgroundPaint(BACKGROUND);
        chart.setPadding(new RectangleInsets(8, 8, 8, 20));
        chart.getTitle().setPaint(INK);
        LegendTitle legend = chart.getLegend();
        legend.setPosition(RectangleEdge.TOP);
        legend.setFrame(BlockBorder.NONE);
        legend.setBackgroundPaint(BACKGROUND);
        legend.setItemFont(FONT);
        legend.setItemPaint(INK);
        return chart;
    }
}
