package dev.sppo.trainer.orchestration;

/**
 * Stops a worker step without failing the job: the job was cancelled (or finished elsewhere), or the service is
 * stopping and the job is left RUNNING for the next start to resume.
 */
public final class JobInterruptedException extends RuntimeException {

    public JobInterruptedException(String message) {
        super(message);
    }
}
