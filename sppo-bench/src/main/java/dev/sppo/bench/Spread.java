package dev.sppo.bench;

import java.util.Arrays;

/**
 * Repeated measurements of a rate (higher is better) summarised as the best and the median.
 *
 * @param best the highest value
 * @param median the median (the mean of the two middle values for an even count)
 * @param count how many values were measured
 */
public record Spread(double best, double median, int count) {

    public Spread {
        if (count < 1) {
            throw new IllegalArgumentException("count must be >= 1, got " + count);
        }
    }

    /** Summarises {@code values}; there must be at least one. */
    public static Spread of(double[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("values: at least one measurement is needed");
        }
        return new Spread(Arrays.stream(values).max().orElseThrow(), median(values), values.length);
    }

    /** The median of {@code values} (the mean of the two middle values for an even count). */
    public static double median(double[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("values: the median of no values is undefined");
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
