package dev.sppo.report;

import java.util.Locale;

/**
 * Axis ticks at "nice" values: a step of 1, 2 or 5 × 10^k chosen so that about {@code target} steps span the
 * data, with the axis widened to whole steps. For an integer axis the step is at least 1.
 *
 * @param values tick positions, ascending; the first and last are the axis bounds
 * @param step distance between neighbouring ticks
 */
record Ticks(double[] values, double step) {

    /** Ticks covering [min, max]; a range of zero width is widened around its value. */
    static Ticks covering(double min, double max, int target, boolean integers) {
        if (!(Double.isFinite(min) && Double.isFinite(max)) || min > max || target < 1) {
            throw new IllegalArgumentException("ticks need finite min <= max and target >= 1, got [" + min + ", "
                    + max + "], " + target);
        }
        if (max - min <= 1e-12 * Math.max(1, Math.abs(max))) {
            double pad = integers || min == 0 ? 1 : Math.abs(min) * 0.1;
            min -= pad;
            max += pad;
        }
        double raw = (max - min) / target;
        int exponent = (int) Math.floor(Math.log10(raw));
        double fraction = raw / Math.pow(10, exponent);
        int nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
        if (integers && exponent < 0) {
            nice = 1;
            exponent = 0;
        }
        double step = decimal(nice, exponent);
        long first = (long) Math.floor(min / step + 1e-9);
        long last = (long) Math.ceil(max / step - 1e-9);
        double[] values = new double[(int) (last - first + 1)];
        for (int i = 0; i < values.length; i++) {
            values[i] = decimal((first + i) * nice, exponent);
        }
        return new Ticks(values, step);
    }

    double min() {
        return values[0];
    }

    double max() {
        return values[values.length - 1];
    }

    /** {@code value} with as many decimals as the step needs. */
    String label(double value) {
        int decimals = Math.max(0, (int) -Math.floor(Math.log10(step) + 1e-9));
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    /**
     * units × 10^exponent as the double nearest to that decimal (1.66, not 83 × 0.02 = 1.6600000000000001), so
     * that ticks land exactly on round data values.
     */
    private static double decimal(long units, int exponent) {
        double scale = Math.pow(10, Math.abs(exponent));
        return exponent >= 0 ? units * scale : units / scale;
    }
}
