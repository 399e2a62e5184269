package dev.sppo.chaos;

import com.google.gson.JsonObject;

import java.util.List;
import java.util.Map;

/**
 * One job run through its faults, and what the checks found.
 *
 * @param jobId the job
 * @param faults each fault's outcome, in order
 * @param state the job's final state
 * @param failureReason why it failed; null unless FAILED
 * @param lostPrompts prompts of an iteration that no training row counts
 * @param duplicatedPrompts training rows beyond one per prompt
 * @param incompleteCheckpoints checkpoint rows without a complete file of the recorded sha256
 * @param metrics each iteration's metrics without the timing ones
 * @param sameAsBaseline whether {@code metrics} equal the undisturbed run's exactly
 */
public record TrialResult(
        String jobId,
        List<FaultOutcome> faults,
        String state,
        String failureReason,
        long lostPrompts,
        long duplicatedPrompts,
        int incompleteCheckpoints,
        Map<Integer, JsonObject> metrics,
        boolean sameAsBaseline) {

    public boolean succeeded() {
        return state.equals("SUCCEEDED");
    }

    /**
     * FAILED with a reason under a fault that may fail a job by design ({@link Fault.Target#mayFailJob}): the
     * failure the platform owes its user instead of a wrong result.
     */
    public boolean failedCleanly() {
        return state.equals("FAILED") && failureReason != null && !failureReason.isBlank()
                && faults.stream().anyMatch(f -> f.fault().target().mayFailJob());
    }

    /**
     * Nothing lost or counted twice, every checkpoint complete, and either SUCCEEDED with the baseline's metrics
     * exactly or {@link #failedCleanly}.
     */
    public boolean clean() {
        return (succeeded() && sameAsBaseline || failedCleanly()) && lostPrompts == 0 && duplicatedPrompts == 0
                && incompleteCheckpoints == 0;
    }
}
