package dev.sppo.chart;

import java.util.ArrayList;
import java.util.List;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.Layer;
import org.jfree.data.Range;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * A line chart drawn by JFreeChart in the {@link ChartStyle} (no display needed: {@code java.awt.headless} is set
 * to true unless the JVM was started with a value): a title, a legend, axes that fit the data (bands included),
 * dashed horizontal reference lines kept in view, and one or more {@link Series}, each with an optional shaded
 * band. A point whose x or y is not finite is left out and breaks the line; a chart without any finite point says
 * "no data".
 */
public final class LineChart implements Chart {

    static {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    private record Reference(double y, String label) {}

    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final List<Series> series = new ArrayList<>();
    private final List<Reference> references = new ArrayList<>();
    private boolean integerX;

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

    /**
     * The chart as JFreeChart's objects. Series i's line is dataset i and its band, if any, dataset n + i; the plot
     * draws the datasets from the last index to the first, so every band lies under every line.
     */
    @Override
    public JFreeChart toJFreeChart() {
        XYPlot plot = new XYPlot();
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.REVERSE);
        plot.setDomainAxis(ChartStyle.xAxis(xLabel, integerX));
        plot.setRangeAxis(ChartStyle.yAxis(yLabel));
        int n = series.size();
        for (int i = 0; i < n; i++) {
            Series s = series.get(i);
            plot.setDataset(i, new XYSeriesCollection(SeriesDatasets.line(s)));
            plot.setRenderer(i, ChartStyle.line(ChartStyle.color(i)));
            YIntervalSeriesCollection band = SeriesDatasets.band(s);
            if (band.getSeriesCount() > 0) {
                plot.setDataset(n + i, band);
                plot.setRenderer(n + i, ChartStyle.band(ChartStyle.color(i)));
            }
        }
        for (Reference r : references) {
            plot.addRangeMarker(ChartStyle.reference(r.y(), r.label()), Layer.BACKGROUND);
        }
        keepReferencesInView((NumberAxis) plot.getRangeAxis());
        return ChartStyle.chart(title, plot);
    }

    /** Widens the fitted y axis, with its margins, where a reference line would fall outside it. */
    private void keepReferencesInView(NumberAxis axis) {
        Range fitted = axis.getRange();
        Range wanted = fitted;
        for (Reference r : references) {
            wanted = Range.expandToInclude(wanted, r.y());
        }
        if (!wanted.equals(fitted)) {
            axis.setRange(Range.expand(wanted, axis.getLowerMargin(), axis.getUpperMargin()));
        }
    }
}
