package dev.sppo.trainer.orchestration;

import dev.sppo.trainer.job.Job;
import dev.sppo.trainer.job.JobRepository;

import org.springframework.stereotype.Component;

/** Checks between (and during) worker steps that a job should still be worked on. */
@Component
public class JobGuard {

    private final JobRepository jobs;
    private final JobWorker worker;

    public JobGuard(JobRepository jobs, JobWorker worker) {
        this.jobs = jobs;
        this.worker = worker;
    }

    /** The job, if it is QUEUED or RUNNING and the service is not stopping. */
    public Job active(String jobId) {
        check(jobId);
        return jobs.find(jobId).orElseThrow(() -> new JobInterruptedException("job " + jobId + " is gone"));
    }

    /** @throws JobInterruptedException when the job was cancelled or finished, or the service is stopping */
    public void check(String jobId) {
        if (worker.isStopping()) {
            throw new JobInterruptedException("the service is stopping; job " + jobId + " resumes on the next start");
        }
        if (!jobs.isActive(jobId)) {
            throw new JobInterruptedException("job " + jobId + " is no longer active");
        }
    }
}
