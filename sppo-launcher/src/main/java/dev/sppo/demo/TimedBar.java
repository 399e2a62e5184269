package dev.sppo.demo;

import java.io.PrintStream;
import java.util.Locale;

/**
 * A one-line progress bar for a step that reports no counts of its own (training, evaluation, the warm
 * start), drawn like {@link dev.sppo.training.Progress}: the bar fills with elapsed / expected seconds, where the
 * expected time is what the same step took in the previous iteration; with no estimate a block sweeps across
 * the bar and the elapsed time counts up.
 */
final class TimedBar {

    private static final int WIDTH = 24;
    private static final String SWEEP = "###";

    private final PrintStream out;
    private final String label;
    private final double expectedSeconds;
    private final long started = System.nanoTime();

    /**
     * @param expectedSeconds how long the step should take, or NaN when unknown
     */
    TimedBar(PrintStream out, String label, double expectedSeconds) {
        this.out = out;
        this.label = label;
        this.expectedSeconds = expectedSeconds;
    }

    void draw() {
        double elapsed = elapsed();
        if (Double.isFinite(expectedSeconds) && expectedSeconds > 0) {
            double fraction = Math.min(1, elapsed / expectedSeconds);
            long eta = Math.round(Math.max(0, expectedSeconds - elapsed));
            print(bar(fraction), String.format(Locale.ROOT, "%5.0fs of ~%.0fs  ETA %3ds", elapsed, expectedSeconds, eta));
        } else {
            print(sweep(elapsed), String.format(Locale.ROOT, "%5.0fs", elapsed));
        }
    }

    /**
     * Draws the bar full and ends its line.
     *
     * @param seconds how long the step took as the trainer measured it; NaN for the time seen here
     */
    void finish(double seconds, String detail) {
        print(bar(1), String.format(Locale.ROOT, "%5.1fs  %s", Double.isNaN(seconds) ? elapsed() : seconds, detail));
        out.println();
    }

    private double elapsed() {
        return (System.nanoTime() - started) / 1e9;
    }

    /** A block that moves one cell per second: busy, with no estimate of how long. */
    private static String sweep(double elapsed) {
        int at = (int) elapsed % (WIDTH - SWEEP.length() + 1);
        return "-".repeat(at) + SWEEP + "-".repeat(WIDTH - SWEEP.length() - at);
    }

    private static String bar(double fraction) {
        int filled = (int) Math.round(WIDTH * fraction);
        return "#".repeat(filled) + "-".repeat(WIDTH - filled);
    }

    private void print(String bar, String text) {
        out.print(String.format(Locale.ROOT, "\r[%-8s] %s %s", label, bar, text));
        out.flush();
    }
}
