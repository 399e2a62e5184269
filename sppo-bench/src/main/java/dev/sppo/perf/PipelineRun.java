package dev.sppo.perf;

import dev.sppo.bench.IterationJob;
import dev.sppo.bench.PromptBatching;

import java.util.List;

/**
 * What {@link PipelineBench} measured.
 *
 * @param mainRounds the report's job, with one generator replica
 * @param largerRounds a larger job (more prompts, longer responses), with one generator replica
 * @param two the report's job again with two generator replicas
 * @param warmUp the time of the report's job as the freshly started services' warm-up
 * @param platformStartSeconds broker, database and the four service JVMs until all were healthy
 * @param batching the job's sampling alone, in-process and cold, batched and one prompt per call
 * @param memory each service's memory after all jobs
 * @param processes how the services ran
 */
record PipelineRun(
        ComparisonRounds mainRounds,
        ComparisonRounds largerRounds,
        PlatformJob.Result two,
        PhaseSplit warmUp,
        double platformStartSeconds,
        PromptBatching batching,
        List<ServiceMemory> memory,
        String processes) {

    /** The report's job: its round of the median ratio. */
    JobComparison main() {
        return mainRounds.median();
    }

    /** The larger job: its round of the median ratio. */
    JobComparison larger() {
        return largerRounds.median();
    }

    IterationJob job() {
        return main().job();
    }

    PhaseSplit loop() {
        return main().loop();
    }

    PlatformJob.Result one() {
        return main().platform();
    }

    /** The report's job: platform end-to-end / loop end-to-end in its median round. */
    double ratio() {
        return main().ratio();
    }
}
