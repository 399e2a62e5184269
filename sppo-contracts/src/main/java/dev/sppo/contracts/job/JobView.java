package dev.sppo.contracts.job;

import dev.sppo.contracts.InvalidMessageException;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One job in full, as {@code GET /api/jobs/{id}} returns it: state, current iteration and phase, the submitted
 * config, each iteration's progress and metrics, and its checkpoints (v0 is the base policy).
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
 * @param config the submitted config tree (the keys of {@code ./sppo train --config})
 * @param iterations the iterations begun so far, as the trainer lists them (in order of t)
 * @param checkpoints the checkpoints recorded so far
 */
public record JobView(
        String id, String name, String owner, String kind, String state, Integer iteration, String phase,
        String failureReason, Instant createdAt, Instant updatedAt, Map<String, Object> config,
        List<IterationView> iterations, List<CheckpointView> checkpoints) {

    /** The states a job never leaves. */
    public static final Set<String> END_STATES = Set.of("SUCCEEDED", "FAILED", "CANCELLED");

    /**
     * @throws InvalidMessageException when the view has no id or no iterations (an empty list is a job that
     *     has not begun)
     */
    public JobView {
        if (id == null || id.isBlank()) {
            throw new InvalidMessageException("the job view has no \"id\"");
        }
        if (iterations == null) {
            throw new InvalidMessageException("the job view has no \"iterations\" array");
        }
        iterations = List.copyOf(iterations);
        checkpoints = checkpoints == null ? List.of() : List.copyOf(checkpoints);
        config = config == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(config));
    }

    /** Whether the job is in a state it never leaves. */
    public boolean ended() {
        return END_STATES.contains(state);
    }

    public boolean succeeded() {
        return "SUCCEEDED".equals(state);
    }

    /** Iteration t, once the trainer has begun it. */
    public Optional<IterationView> iterationAt(int t) {
        return iterations.stream().filter(it -> it.iteration() == t).findFirst();
    }

    /** The URI of checkpoint v{@code policyVersion}, once recorded. */
    public Optional<String> checkpointUri(int policyVersion) {
        return checkpoints.stream().filter(c -> c.policyVersion() == policyVersion).map(CheckpointView::uri)
                .findFirst();
    }

    /** Seconds from submission to the start of iteration 0, resolving (warm-starting) π_0; NaN before. */
    public double baseSeconds() {
        return iterationAt(0).map(it -> Duration.between(createdAt, it.startedAt()).toMillis() / 1e3)
                .orElse(Double.NaN);
    }
}
