package dev.sppo.trainer.job;

import java.time.Instant;
import java.util.Map;

/**
 * A row of {@code iterations}, with the number of scored prompts received so far.
 *
 * @param jobId the job
 * @param iteration t: generation from π_t, training of π_{t+1}
 * @param phase the iteration's phase (the last one once finished)
 * @param expectedPrompts prompts in the iteration's slice
 * @param receivedPrompts distinct prompts stored in {@code prompt_results}
 * @param startedAt when its generation requests went out
 * @param finishedAt when its evaluation was stored, or null
 * @param metrics training and evaluation metrics (see {@code IterationMetrics})
 */
public record IterationRecord(
        String jobId,
        int iteration,
        Phase phase,
        int expectedPrompts,
        int receivedPrompts,
        Instant startedAt,
        Instant finishedAt,
        Map<String, Object> metrics) {}
