package dev.sppo.perf;

import dev.sppo.bench.IterationJob;

/**
 * One iteration job run both ways: in-process by {@code SppoLoop} in the bench JVM (after a warm-up run) and through
 * the services.
 *
 * @param job the job
 * @param loop its phases in-process
 * @param loopCpu the CPU time the bench JVM used for it
 * @param platform the same job through Kafka and the services
 */
record JobComparison(IterationJob job, PhaseSplit loop, CpuSeconds loopCpu, PlatformJob.Result platform) {

    /** Platform end-to-end / loop end-to-end: the pipeline overhead ({@link PipelineSections#TARGET_RATIO}). */
    double ratio() {
        return platform.split().endToEnd() / loop.endToEnd();
    }
}
