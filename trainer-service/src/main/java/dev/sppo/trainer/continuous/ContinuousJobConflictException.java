package dev.sppo.trainer.continuous;

/** A continuous job operation that the job's state (or another continuous job) forbids: 409. */
public final class ContinuousJobConflictException extends RuntimeException {

    public ContinuousJobConflictException(String message) {
        super(message);
    }
}
