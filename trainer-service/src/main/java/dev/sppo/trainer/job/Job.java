package dev.sppo.trainer.job;

import java.time.Instant;
import java.util.Map;

/**
 * A row of {@code jobs}.
 *
 * @param id the job id
 * @param name an optional human-readable name
 * @param owner the user who submitted it; null for a job from before owners were recorded or from the platform
 * @param config the submitted config tree (the keys of {@code ./sppo train} configs), defaults not applied
 * @param state its state
 * @param iteration the current iteration t while RUNNING (the last one afterwards), null before
 * @param phase the current phase while RUNNING, else null
 * @param failureReason why it FAILED, else null
 * @param createdAt when it was submitted
 * @param updatedAt when its state, iteration or phase last changed
 */
public record Job(
        String id,
        String name,
        String owner,
        Map<String, Object> config,
        JobState state,
        Integer iteration,
        Phase phase,
        String failureReason,
        Instant createdAt,
        Instant updatedAt) {

    public boolean isRunningIn(int t, Phase p) {
        return state == JobState.RUNNING && iteration != null && iteration == t && phase == p;
    }
}
