package dev.sppo.trainer.job;

/**
 * Where a job is in its life: QUEUED → RUNNING → SUCCEEDED | FAILED; CANCELLED from QUEUED or RUNNING. A
 * continuous job also goes RUNNING ⇄ PAUSED, and ends SUCCEEDED when it is stopped.
 */
public enum JobState {
    QUEUED,
    RUNNING,
    PAUSED,
    SUCCEEDED,
    FAILED,
    CANCELLED;

    /** Whether the job can no longer change state. */
    public boolean isTerminal() {
        return this == SUCCEEDED || this == FAILED || this == CANCELLED;
    }
}
