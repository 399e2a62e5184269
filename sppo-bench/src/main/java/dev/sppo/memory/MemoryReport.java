package dev.sppo.memory;

import java.util.Locale;

/**
 * What {@link MemoryBench} measured: the accounting, the phase times and the process's peak resident memory.
 *
 * @param peakRssKib VmHWM of the process, KiB
 */
public record MemoryReport(MemoryBench.Settings settings, MemoryAccount account, Phases phases, long peakRssKib) {

    /** Seconds spent generating (0 for a single step) and training. */
    public record Phases(double generateSeconds, double trainSeconds) {}

    private static final double GIB = 1L << 30;

    /** A markdown table of one row. */
    public String markdown() {
        String training = settings.lora() == null ? "full, float32"
                : String.format(Locale.ROOT, "LoRA r %d on %s", settings.lora().r(),
                        settings.baseDtype().configName());
        return "| training | parameters | trainable | parameters GiB | gradients GiB | AdamW GiB | generate s "
                + "| train s | peak RSS GiB (VmHWM) |\n"
                + "|---|---:|---:|---:|---:|---:|---:|---:|---:|\n"
                + String.format(Locale.ROOT, "| %s | %,d | %,d | %.2f | %.2f | %.2f | %.1f | %.1f | %.2f |%n",
                        training, account.parameters(), account.trainable(), account.parameterBytes() / GIB,
                        account.gradientBytes() / GIB, account.optimizerBytes() / GIB, phases.generateSeconds(),
                        phases.trainSeconds(), peakRssKib * 1024 / GIB);
    }
}
