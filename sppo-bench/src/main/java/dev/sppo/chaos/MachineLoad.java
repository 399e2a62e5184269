package dev.sppo.chaos;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The machine's 1-minute load average ({@code /proc/loadavg}) sampled during a run, and its cores: on a shared
 * machine the recovery times stretch with it.
 *
 * @param cores the processors the JVM sees
 * @param samples the load averages read, in order; empty where {@code /proc/loadavg} does not exist
 */
public record MachineLoad(int cores, List<Double> samples) {

    private static final Path LOADAVG = Path.of("/proc/loadavg");

    public MachineLoad {
        samples = List.copyOf(samples);
    }

    /** No samples yet. */
    public static MachineLoad start() {
        return new MachineLoad(Runtime.getRuntime().availableProcessors(), List.of());
    }

    /** These samples and the load average now. */
    public MachineLoad sampled() throws IOException {
        if (!Files.isReadable(LOADAVG)) {
            return this;
        }
        List<Double> more = new ArrayList<>(samples);
        more.add(Double.parseDouble(Files.readString(LOADAVG).trim().split("\\s+")[0]));
        return new MachineLoad(cores, more);
    }

    public double mean() {
        return samples.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }

    public double max() {
        return samples.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    }
}
