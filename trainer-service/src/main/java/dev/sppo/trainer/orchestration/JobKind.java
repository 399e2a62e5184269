package dev.sppo.trainer.orchestration;

import dev.sppo.contracts.ScoredPrompt;
import dev.sppo.trainer.config.JobSubmission;
import dev.sppo.trainer.job.Job;

import java.util.Map;

/**
 * A kind of job that is not run as batch iterations by {@link JobOrchestrator}, recognised by its config (a
 * continuous job by its {@code continuous} section). Its submission, its resumption and its scored prompts are
 * handed to it; it drives the job with this package's parts (worker, transitions, launcher, trainer), so it
 * depends on this package and never the reverse.
 */
public interface JobKind {

    /** Whether a job with this config tree is of this kind. */
    boolean owns(Map<String, Object> config);

    /** Queues a validated job of this kind and starts it; returns its id. */
    String submit(JobSubmission submission);

    /** Picks the job up again after a restart, a resume or a generation stall. */
    void resume(Job job);

    /** Handles a scored prompt of the job, which the caller found RUNNING in the prompt's iteration, generating. */
    void accept(ScoredPrompt scored, Job job);
}
