package dev.sppo.contracts;

/**
 * A job state change.
 *
 * @param version {@link ContractVersion#CURRENT}
 * @param jobId the job
 * @param state QUEUED, RUNNING, SUCCEEDED, FAILED or CANCELLED
 * @param iteration the current iteration while RUNNING, else null
 * @param phase GENERATE, TRAIN or EVALUATE while RUNNING, else null
 * @param message a human-readable detail (the failure reason for FAILED)
 * @param timestampMillis when it happened, epoch milliseconds
 */
public record JobEvent(
        int version, String jobId, String state, Integer iteration, String phase, String message,
        long timestampMillis) {

    public JobEvent {
        Require.version("JobEvent", version);
        Require.text("JobEvent", "jobId", jobId);
        Require.text("JobEvent", "state", state);
    }
}
