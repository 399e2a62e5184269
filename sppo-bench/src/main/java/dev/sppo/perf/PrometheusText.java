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

    /**
     * The sum over every series of the samples whose metric name starts with {@code prefix} and ends with {@code
     * suffix}, whatever base unit the naming convention put between them ({@code sppo_generator_poll_size} and
     * {@code _count} match {@code sppo_generator_poll_size_requests_count}); 0 when none does.
     */
    static double sum(String text, String prefix, String suffix) {
        double sum = 0;
        for (String line : text.split("\n")) {
            int end = line.indexOf('{') >= 0 ? line.indexOf('{') : line.indexOf(' ');
            if (!line.startsWith("#") && end > 0) {
                String name = line.substring(0, end);
                if (name.startsWith(prefix) && name.endsWith(suffix)) {
                    sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                }
            }
        }
        return sum;
    }
}
