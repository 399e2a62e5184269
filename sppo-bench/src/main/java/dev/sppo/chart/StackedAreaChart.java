package dev.sppo.chart;

import java.util.ArrayList;
import java.util.List;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StackedXYAreaRenderer2;
import org.jfree.data.xy.DefaultTableXYDataset;
import org.jfree.data.xy.XYSeries;

/**
 * A stacked area chart drawn by JFreeChart in the {@link ChartStyle}: layers that share their x values are stacked
 * on each other, so that shares of a whole (a policy's class distribution over iterations) fill the band from 0 to
 * 1. Every layer must have a finite value at every x.
 */
public final class StackedAreaChart implements Chart {

    static {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    private record Layer(String name, double[] y) {}

    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final double[] x;
    private final List<Layer> layers = new ArrayList<>();

    /** @param x the shared x values, strictly increasing */
    public StackedAreaChart(String title, String xLabel, String yLabel, double[] x) {
        this.title = title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
        this.x = x.clone();
    }

    /** A layer on top of the earlier ones: {@code y[i]} at {@code x[i]}. */
    public StackedAreaChart layer(String name, double[] y) {
        if (y.length != x.length) {
            throw new IllegalArgumentException("layer " + name + " has " + y.length + " values for " + x.length
                    + " x values");
        }
        for (double v : y) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("layer " + name + " holds the non-finite value " + v);
            }
        }
        layers.add(new Layer(name, y.clone()));
        return this;
    }

    @Override
    public JFreeChart toJFreeChart() {
        DefaultTableXYDataset dataset = new DefaultTableXYDataset();
        StackedXYAreaRenderer2 renderer = new StackedXYAreaRenderer2();
        for (int l = 0; l < layers.size(); l++) {
            XYSeries series = new XYSeries(layers.get(l).name(), false, false);
            for (int i = 0; i < x.length; i++) {
                series.add(x[i], layers.get(l).y()[i]);
            }
            dataset.addSeries(series);
            renderer.setSeriesPaint(l, ChartStyle.color(l));
        }
        XYPlot plot = new XYPlot(dataset, ChartStyle.xAxis(xLabel, true), ChartStyle.yAxis(yLabel), renderer);
        return ChartStyle.chart(title, plot);
    }
}
