package dev.sppo.trainer.job;

/** Where a job is in its life: QUEUED → RUNNING → SUCCEEDED | FAILED; CANCELLED from QUEUED or RUNNING. */
public enum JobState {
    QUEUED,
    RUNNING,
    SUCCEEDED,
    FAILED,
    CANCELLED;

    /** Whether the job can no longer change state. */
    public boolean isTerminal() {
        return this != QUEUED && this != RUNNING;
    }
}
