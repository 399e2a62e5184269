package dev.sppo.memory;

import dev.sppo.markdown.MarkdownTable;

import java.util.Locale;

/**
 * What {@link MemoryBench} measured: the accounting, the phase times and the process's peak resident memory.
 *
 * @param peakRssKib VmHWM of the process, KiB
 */
public record MemoryReport(MemoryBench.Settings settings, MemoryAccount account, Phases phases, long peakRssKib) {

    /**
     * Seconds spent generating (0 for a single step) and training, and the peak once generation had ended (the
     * generation phase's own peak, since VmHWM only grows; 0 for a single step).
     */
    public record Phases(double generateSeconds, long generatePeakKib, double trainSeconds) {}

    private static final double GIB = 1L << 30;

    /** A markdown table of one row. */
    public String markdown() {
        String training = settings.lora() == null ? "full, float32"
                : String.format(Locale.ROOT, "LoRA r %d on %s", settings.lora().r(),
                        settings.baseDtype().configName());
        String microBatch = settings.microBatch() == 0 ? "-" : Integer.toString(settings.microBatch());
        return new MarkdownTable("training", "micro-batch", "parameters", "trainable", "parameters GiB",
                "gradients GiB", "AdamW GiB", "generate s", "peak after generate GiB", "train s",
                "peak RSS GiB (VmHWM)")
                .row(training, microBatch, count(account.parameters()), count(account.trainable()),
                        gib(account.parameterBytes()), gib(account.gradientBytes()), gib(account.optimizerBytes()),
                        seconds(phases.generateSeconds()), gib(phases.generatePeakKib() * 1024),
                        seconds(phases.trainSeconds()), gib(peakRssKib * 1024))
                .markdown();
    }

    private static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    private static String gib(long bytes) {
        return String.format(Locale.ROOT, "%.2f", bytes / GIB);
    }

    private static String seconds(double s) {
        return String.format(Locale.ROOT, "%.1f", s);
    }
}
