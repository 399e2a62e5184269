package dev.sppo.chaos;

import com.google.gson.JsonObject;

import java.util.List;
import java.util.Map;

/**
 * One job run through its faults, and what the checks found.
 *
 * @param jobId the job
 * @param faults each fault's outcome, in order
 * @param state the job's final state, or {@link #STUCK}
 * @param failureReason why it failed, or where it was stuck; null unless FAILED or {@link #STUCK}
 * @param prompts how its prompts were counted in training
 * @param incompleteCheckpoints checkpoint rows without a complete file of the recorded sha256
 * @param metrics each iteration's metrics without the timing ones
 * @param metricsCheck whether {@code metrics} equal the undisturbed run's exactly
 */
public record TrialResult(
        String jobId,
        List<FaultOutcome> faults,
        String state,
        String failureReason,
        PromptCounts prompts,
        int incompleteCheckpoints,
        Map<Integer, JsonObject> metrics,
        MetricsCheck metricsCheck) {

    /**
     * The state of a trial whose job did not get to its next point within the trial's time limit (the job is then
     * cancelled so that the run goes on): never clean.
     */
    public static final String STUCK = "STUCK";

    /**
     * How a job's prompts were counted in training.
     *
     * @param lost prompts of an iteration (or fed to a continuous job) that no training row counts and that were
     *     not reported dropped
     * @param duplicated training rows beyond one per prompt
     * @param dropped prompts a continuous job stored and reported dropped when it ended, never trained
     */
    public record PromptCounts(long lost, long duplicated, long dropped) {}

    /** A trial's metrics against the undisturbed run's. */
    public enum MetricsCheck {
        /** Every per-iteration metric but the timings equals the undisturbed run's. */
        SAME,
        /** Some metric differs. */
        DIFFERENT,
        /**
         * Not compared: a continuous job's rounds are formed from the prompts in the order its consumer reads
         * them from several partitions, which a restart changes, so its metrics are not reproducible by design.
         */
        NOT_COMPARED
    }

    public boolean succeeded() {
        return state.equals("SUCCEEDED");
    }

    public boolean stuck() {
        return state.equals(STUCK);
    }

    public boolean sameAsBaseline() {
        return metricsCheck == MetricsCheck.SAME;
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
     * Nothing lost or counted twice, every checkpoint complete, and either SUCCEEDED with metrics that are not
     * {@link MetricsCheck#DIFFERENT} or {@link #failedCleanly}.
     */
    public boolean clean() {
        return (succeeded() && metricsCheck != MetricsCheck.DIFFERENT || failedCleanly()) && prompts.lost() == 0
                && prompts.duplicated() == 0 && incompleteCheckpoints == 0;
    }
}
