package dev.sppo.trainer.api;

import dev.sppo.service.auth.Caller;
import dev.sppo.trainer.job.Job;
import dev.sppo.trainer.job.JobRepository;

import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/**
 * The jobs a caller may see and act on: a user's own, every job for an admin or the platform. Another user's job is
 * answered exactly as an unknown id is (404), so that its existence is not revealed.
 */
@Component
class OwnedJobs {

    private final JobRepository jobs;

    OwnedJobs(JobRepository jobs) {
        this.jobs = jobs;
    }

    /** The job, if {@code caller} may see it; else the 404 of an unknown job. */
    Job find(String id, Caller caller) {
        return visible(id, caller).orElseThrow(() -> new ResourceNotFoundException("job", id));
    }

    /** Whether {@code caller} may see the job with this id (false for an unknown one). */
    boolean sees(String id, Caller caller) {
        return visible(id, caller).isPresent();
    }

    /** The newest {@code limit} jobs the caller may see, newest first. */
    List<Job> newest(Caller caller, int limit) {
        return jobs.newest(limit, caller);
    }

    private Optional<Job> visible(String id, Caller caller) {
        return jobs.find(id).filter(job -> caller.sees(job.owner()));
    }
}
