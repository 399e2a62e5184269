package dev.sppo.bench;

import dev.sppo.loop.IterationResult.PhaseTimes;

/**
 * One timed SPPO iteration of {@link CostGrowth}.
 *
 * @param axis the varied axis ("K", "prompts" or "max_new_tokens")
 * @param job what ran
 * @param phases seconds of generate, prefer, train and evaluate
 * @param trainSteps optimizer steps of the train phase
 */
public record GrowthRow(String axis, IterationJob job, PhaseTimes phases, int trainSteps) {

    /** Sampled responses per second of the generate phase: prompts · K / generate seconds. */
    public double responsesPerSecond() {
        return (double) job.prompts() * job.k() / phases.generate();
    }
}
