package dev.sppo.perf;

/** Reads values out of the Prometheus text format that {@code /actuator/prometheus} serves. */
final class PrometheusText {

    private static final String HEAP_USED = "jvm_memory_used_bytes{";

    private PrometheusText() {}

    /** The sum of {@code jvm_memory_used_bytes} over the heap pools ({@code area="heap"}), or -1 if there is none. */
    static long heapUsedBytes(String text) {
        double sum = 0;
        boolean found = false;
        for (String line : text.split("\n")) {
            if (line.startsWith(HEAP_USED) && line.contains("area=\"heap\"")) {
                sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                found = true;
            }
        }
        return found ? Math.round(sum) : -1;
    }
}
