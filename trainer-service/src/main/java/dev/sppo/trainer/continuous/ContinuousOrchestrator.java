package dev.sppo.trainer.continuous;

import dev.sppo.contracts.Topics;
import dev.sppo.trainer.config.JobSubmission;
import dev.sppo.trainer.job.Job;
import dev.sppo.trainer.job.JobRepository;
import dev.sppo.trainer.job.JobState;
import dev.sppo.trainer.orchestration.JobInterruptedException;
import dev.sppo.trainer.orchestration.JobStarter;
import dev.sppo.trainer.orchestration.JobTransitions;
import dev.sppo.trainer.orchestration.JobWorker;

import org.springframework.stereotype.Component;

import java.util.List;
import java.util.UUID;

/**
 * Drives continuous jobs: QUEUED → RUNNING (base checkpoint v0 registered, {@link PromptConsumer} following
 * {@code sppo.prompts}) ⇄ PAUSED, until stopped. While RUNNING, the {@link RoundScheduler} runs the job's
 * rounds on the {@link JobWorker}.
 */
@Component
public class ContinuousOrchestrator {

    private final JobRepository jobs;
    private final JobTransitions transitions;
    private final JobWorker worker;
    private final JobStarter starter;
    private final PromptConsumer consumer;
    private final RoundScheduler rounds;

    public ContinuousOrchestrator(JobRepository jobs, JobTransitions transitions, JobWorker worker,
            JobStarter starter, PromptConsumer consumer, RoundScheduler rounds) {
        this.jobs = jobs;
        this.transitions = transitions;
        this.worker = worker;
        this.starter = starter;
        this.consumer = consumer;
        this.rounds = rounds;
    }

    /**
     * Queues a validated continuous job and starts it.
     *
     * @throws ContinuousJobConflictException while another continuous job has not ended: one job owns the stream
     */
    public synchronized String submit(JobSubmission submission) {
        List<String> unfinished = jobs.unfinishedContinuous();
        if (!unfinished.isEmpty()) {
            throw new ContinuousJobConflictException("continuous job " + unfinished.get(0) + " has not ended; stop it"
                    + " first (one continuous job consumes " + Topics.PROMPTS + " at a time)");
        }
        String id = UUID.randomUUID().toString();
        transitions.queued(id, submission);
        worker.submit(id, "start", () -> start(id));
        return id;
    }

    /** RUNNING → PAUSED: no prompt is consumed and the round in progress stops at its next step. */
    public void pause(String jobId) {
        requireContinuous(jobId);
        if (!transitions.pause(jobId)) {
            throw conflict(jobId, "pause");
        }
    }

    /** PAUSED → RUNNING: consumption and the round in progress go on where they stood. */
    public void resume(String jobId) {
        requireContinuous(jobId);
        if (!transitions.run(jobId, "resumed")) {
            throw conflict(jobId, "resume");
        }
        resume(jobs.find(jobId).orElseThrow());
    }

    /** Ends the job; its promoted versions stay. */
    public void stop(String jobId) {
        requireContinuous(jobId);
        if (!transitions.stop(jobId)) {
            throw conflict(jobId, "stop");
        }
    }

    /** Picks the job up again after a restart, a resume or a generation stall. */
    public void resume(Job job) {
        String id = job.id();
        if (job.state() == JobState.QUEUED) {
            worker.submit(id, "start", () -> start(id));
            return;
        }
        consumer.follow(id);
        rounds.resume(id);
    }

    private void start(String jobId) throws Exception {
        starter.base(jobId);
        if (!transitions.run(jobId, "consuming " + Topics.PROMPTS)) {
            throw new JobInterruptedException("job " + jobId + " is no longer queued");
        }
        consumer.follow(jobId);
        rounds.advance(jobId);
    }

    private void requireContinuous(String jobId) {
        jobs.find(jobId).filter(job -> ContinuousSettings.isContinuous(job.config()))
                .orElseThrow(() -> new ContinuousJobConflictException("job " + jobId + " is not a continuous job"));
    }

    private ContinuousJobConflictException conflict(String jobId, String action) {
        String state = jobs.find(jobId).map(j -> j.state().name()).orElse("gone");
        return new ContinuousJobConflictException("cannot " + action + " job " + jobId + ": it is " + state);
    }
}
