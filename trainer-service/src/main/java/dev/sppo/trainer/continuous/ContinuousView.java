package dev.sppo.trainer.continuous;

import java.util.List;

/**
 * A continuous job as {@code GET /jobs/{id}/continuous} shows it: what the dashboard draws.
 *
 * @param jobId the job
 * @param state its state
 * @param settings its {@code continuous} settings
 * @param servingVersion the promoted version generators serve (0: the base)
 * @param roundsBehind rounds formed and not finished
 * @param waitingPrompts prompts stored and not yet in a round
 * @param consumer this instance's consumer and staleness counters
 * @param rounds every round, oldest first
 */
public record ContinuousView(
        String jobId, String state, ContinuousSettings settings, int servingVersion, int roundsBehind,
        int waitingPrompts, ConsumerState consumer, List<RoundView> rounds) {}
