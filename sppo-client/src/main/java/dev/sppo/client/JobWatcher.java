package dev.sppo.client;

import dev.sppo.contracts.job.JobView;

import java.io.IOException;

/** Sees each reading of a job that {@link JobsClient#follow} takes. */
@FunctionalInterface
public interface JobWatcher {

    /**
     * @param job the job as just read
     * @throws IOException to stop following, for instance when the job has run too long
     */
    void seen(JobView job) throws IOException, InterruptedException;
}
