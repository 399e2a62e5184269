package dev.sppo.perf;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * CPU time (user + system) that each process of a run has used since it started, as the operating system counts
 * it ({@link ProcessHandle.Info#totalCpuDuration}: {@code /proc/<pid>/stat} on Linux). On a machine whose cores
 * every process shares, this says where a job's time went better than any stage clock: what the trainer, the
 * broker or the database spend is taken from the generator. A job's share is the {@link #minus difference} of two
 * readings.
 *
 * @param byProcess seconds by process name, in the order read
 */
record CpuSeconds(Map<String, Double> byProcess) {

    /**
     * Reads now the CPU time of each named group of processes (a group is summed: PostgreSQL's postmaster and its
     * backends, say). A process whose time the system does not report counts 0.
     */
    static CpuSeconds read(Map<String, List<ProcessHandle>> processes) {
        Map<String, Double> seconds = new LinkedHashMap<>();
        processes.forEach((name, handles) -> seconds.put(name, handles.stream()
                .mapToDouble(h -> h.info().totalCpuDuration().orElse(Duration.ZERO).toNanos() / 1e9).sum()));
        return new CpuSeconds(seconds);
    }

    /** Seconds used since {@code earlier}, for the processes read both times. */
    CpuSeconds minus(CpuSeconds earlier) {
        Map<String, Double> seconds = new LinkedHashMap<>();
        byProcess.forEach((name, s) -> {
            if (earlier.byProcess.containsKey(name)) {
                seconds.put(name, s - earlier.byProcess.get(name));
            }
        });
        return new CpuSeconds(seconds);
    }

    double total() {
        return byProcess.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    /** Such as "generator-1 1.6, trainer-service 1.2, broker 0.5" (largest first). */
    String describe() {
        return byProcess.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .map(e -> String.format(Locale.ROOT, "%s %.1f", e.getKey(), e.getValue()))
                .collect(Collectors.joining(", "));
    }
}
