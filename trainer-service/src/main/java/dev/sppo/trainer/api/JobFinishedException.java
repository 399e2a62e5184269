package dev.sppo.trainer.api;

/** An operation on a job that is already SUCCEEDED, FAILED or CANCELLED: 409. */
final class JobFinishedException extends RuntimeException {

    JobFinishedException(String id, String state) {
        super("job '" + id + "' is already " + state);
    }
}
