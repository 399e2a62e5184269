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
 * @param droppedAtEnd prompts stored and never trained on when the job ended (stopped, cancelled or failed): waiting
 *     ones and those of unfinished rounds, dropped with the job (not handed to a later job); 0 while it runs
 * @param consumer this instance's consumer and staleness counters
 * @param rounds every round, oldest first
 */
public record ContinuousView(
        String jobId, String state, ContinuousSettings settings, int servingVersion, int roundsBehind,
        int waitingPrompts, int droppedAtEnd, ConsumerState consumer, List<RoundView> rounds) {}
