package dev.sppo.perf;

/**
 * One service process's memory at the end of the run.
 *
 * @param service the process's name (such as "generator-1")
 * @param status its peak and current resident set
 * @param heapUsedBytes the JVM heap in use (Micrometer's {@code jvm_memory_used_bytes}, area heap), or -1 when the
 *     service did not tell
 */
public record ServiceMemory(String service, ProcStatus status, long heapUsedBytes) {}
