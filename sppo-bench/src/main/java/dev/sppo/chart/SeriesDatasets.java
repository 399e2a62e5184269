package dev.sppo.chart;

import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/** A {@link Series} as the datasets JFreeChart draws: its line, and its band as intervals. */
final class SeriesDatasets {

    /** A lone banded point is shown as a bar this fraction of the series' x span to each side. */
    private static final double LONE_BAR = 0.01;

    private SeriesDatasets() {}

    /** The drawn points in order, with a point of no y where a left-out point breaks the line. */
    static XYSeries line(Series s) {
        XYSeries line = new XYSeries(s.name(), false, true);
        for (int i = 0; i < s.x().length; i++) {
            if (s.drawn(i)) {
                line.add(s.x()[i], s.y()[i]);
            } else if (!line.isEmpty()) {
                line.add(line.getX(line.getItemCount() - 1), null);
            }
        }
        return line;
    }

    /**
     * The band as one interval series per run of consecutive banded points, so that a left-out point breaks it
     * (a polygon through a missing end cannot be drawn); empty when the series has no band.
     */
    static YIntervalSeriesCollection band(Series s) {
        YIntervalSeriesCollection band = new YIntervalSeriesCollection();
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
            YIntervalSeries run = new YIntervalSeries(s.name() + " band " + band.getSeriesCount(), false, true);
            if (end == start) {
                double half = LONE_BAR * xSpan(s);
                add(run, s, start, s.x()[start] - half);
                add(run, s, start, s.x()[start] + half);
            } else {
                for (int i = start; i <= end; i++) {
                    add(run, s, i, s.x()[i]);
                }
            }
            band.addSeries(run);
            start = end + 1;
        }
        return band;
    }

    private static void add(YIntervalSeries run, Series s, int i, double x) {
        run.add(x, (s.lower()[i] + s.upper()[i]) / 2, s.lower()[i], s.upper()[i]);
    }

    /** Largest minus smallest finite x, or 1 when there are fewer than two distinct ones. */
    private static double xSpan(Series s) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double x : s.x()) {
            if (Double.isFinite(x)) {
                min = Math.min(min, x);
                max = Math.max(max, x);
            }
        }
        return max > min ? max - min : 1;
    }
}
