package dev.sppo.perf;

import dev.sppo.bench.IterationJob;
import dev.sppo.bench.PromptBatching;

import java.util.List;

/**
 * What {@link PipelineBench} measured.
 *
 * @param job the iteration job run both ways
 * @param loop the job in-process ({@code SppoLoop})
 * @param one the job through the services with one generator replica
 * @param two the job again with two generator replicas
 * @param warmUpJob the small job that warmed the services up before each measured platform job
 * @param warmUp its time on the freshly started services
 * @param platformStartSeconds broker, database and the four service JVMs until all were healthy
 * @param batching the job's sampling alone, in-process, batched and one prompt per call
 * @param memory each service's memory after all jobs
 * @param processes how the services ran
 */
record PipelineRun(
        IterationJob job,
        PhaseSplit loop,
        PlatformJob.Result one,
        PlatformJob.Result two,
        IterationJob warmUpJob,
        PhaseSplit warmUp,
        double platformStartSeconds,
        PromptBatching batching,
        List<ServiceMemory> memory,
        String processes) {

    int warmUpPrompts() {
        return warmUpJob.prompts();
    }

    /** Platform end-to-end / loop end-to-end: the pipeline overhead ({@link PipelineSections#TARGET_RATIO}). */
    double ratio() {
        return one.split().endToEnd() / loop.endToEnd();
    }
}
