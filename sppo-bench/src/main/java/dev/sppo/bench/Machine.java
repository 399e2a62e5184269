package dev.sppo.bench;

import java.lang.management.ManagementFactory;
import java.util.Locale;

/**
 * The conditions of a run on a shared machine: a one-minute load average well above the core count means that
 * other processes competed for the cores and the numbers are low and noisy.
 *
 * @param threads PyTorch's intra-op thread setting ({@value #THREADS_PROPERTY}), or "PyTorch default"
 * @param cores the processors the JVM sees
 * @param loadBefore the one-minute load average when the run started, negative if unknown
 * @param loadAfter the one-minute load average when it ended, negative if unknown
 */
public record Machine(String threads, int cores, double loadBefore, double loadAfter) {

    /** The system property that sets PyTorch's intra-op threads at start-up. */
    public static final String THREADS_PROPERTY = "ai.djl.pytorch.num_threads";

    /** The one-minute system load average now, negative where the platform does not tell. */
    public static double currentLoad() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    /** This JVM's thread setting and cores, with the load measured before the run and now. */
    public static Machine afterRun(double loadBefore) {
        return new Machine(System.getProperty(THREADS_PROPERTY, "PyTorch default"),
                Runtime.getRuntime().availableProcessors(), loadBefore, currentLoad());
    }

    /** One sentence for the report. */
    public String describe() {
        return String.format(Locale.ROOT, "Intra-op threads: %s on %d cores; load average %s before, %s after.",
                threads, cores, load(loadBefore), load(loadAfter));
    }

    private static String load(double value) {
        return value < 0 ? "unknown" : String.format(Locale.ROOT, "%.2f", value);
    }
}
