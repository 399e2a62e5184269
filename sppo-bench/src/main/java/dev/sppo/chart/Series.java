package dev.sppo.chart;

/**
 * One line of a {@link LineChart}: points (x[i], y[i]) joined in order, with an optional shaded band from
 * lower[i] to upper[i] (a confidence interval). A point whose x or y is not finite is left out and breaks the
 * line; a band is left out where either end is not finite.
 *
 * @param name the legend entry
 * @param x x values
 * @param y y values, as many as x
 * @param lower band's lower ends, or null for no band
 * @param upper band's upper ends, or null for no band
 */
public record Series(String name, double[] x, double[] y, double[] lower, double[] upper) {

    public Series {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a series needs a name");
        }
        if (x.length != y.length) {
            throw new IllegalArgumentException("series " + name + ": " + x.length + " x values but " + y.length
                    + " y values");
        }
        if ((lower == null) != (upper == null)) {
            throw new IllegalArgumentException("series " + name + ": a band needs both lower and upper ends");
        }
        if (lower != null && (lower.length != x.length || upper.length != x.length)) {
            throw new IllegalArgumentException("series " + name + ": the band needs " + x.length
                    + " lower and upper ends, got " + lower.length + " and " + upper.length);
        }
    }

    /** A line without a band. */
    public static Series line(String name, double[] x, double[] y) {
        return new Series(name, x, y, null, null);
    }

    /** This line with a shaded band from {@code lower} to {@code upper}. */
    public Series withBand(double[] lower, double[] upper) {
        return new Series(name, x, y, lower, upper);
    }

    public boolean hasBand() {
        return lower != null;
    }

    /** Whether point i is drawn. */
    boolean drawn(int i) {
        return Double.isFinite(x[i]) && Double.isFinite(y[i]);
    }

    /** Whether the band is drawn at point i. */
    boolean banded(int i) {
        return hasBand() && Double.isFinite(x[i]) && Double.isFinite(lower[i]) && Double.isFinite(upper[i]);
    }

    /** Whether anything of this series is drawn. */
    public boolean isEmpty() {
        for (int i = 0; i < x.length; i++) {
            if (drawn(i)) {
                return false;
            }
        }
        return true;
    }
}
