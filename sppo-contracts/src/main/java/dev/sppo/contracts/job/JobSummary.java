package dev.sppo.contracts.job;

import java.time.Instant;

/**
 * A job in the list of jobs.
 *
 * @param id its id
 * @param name the name it was submitted with, or null
 * @param owner the user who submitted it (as the gateway names the API key's holder); null for a job from before
 *     owners were recorded or submitted by the platform itself
 * @param kind batch, or continuous (a config with a {@code continuous} section)
 * @param state QUEUED, RUNNING, PAUSED, SUCCEEDED, FAILED or CANCELLED
 * @param iteration the current iteration t while RUNNING (the last one afterwards), null before the first
 * @param phase GENERATE, TRAIN or EVALUATE while RUNNING, else null
 * @param failureReason why it FAILED, else null
 * @param createdAt when it was submitted
 * @param updatedAt when its state, iteration or phase last changed
 */
public record JobSummary(
        String id, String name, String owner, String kind, String state, Integer iteration, String phase,
        String failureReason, Instant createdAt, Instant updatedAt) {

    /** Whether the job is in a state it never leaves. */
    public boolean ended() {
        return JobView.END_STATES.contains(state);
    }
}
