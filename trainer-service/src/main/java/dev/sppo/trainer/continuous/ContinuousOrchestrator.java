package dev.sppo.trainer.continuous;

import dev.sppo.contracts.Topics;
import dev.sppo.trainer.config.JobPlans;
import dev.sppo.trainer.config.JobSubmission;
import dev.sppo.trainer.job.IterationRepository;
import dev.sppo.trainer.job.Job;
import dev.sppo.trainer.job.JobRepository;
import dev.sppo.trainer.job.JobState;
import dev.sppo.trainer.job.Phase;
import dev.sppo.trainer.orchestration.JobGuard;
import dev.sppo.trainer.orchestration.JobInterruptedException;
import dev.sppo.trainer.orchestration.JobStarter;
import dev.sppo.trainer.orchestration.JobTransitions;
import dev.sppo.trainer.orchestration.JobWorker;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.UUID;

/**
 * Drives continuous jobs: QUEUED → RUNNING (base checkpoint v0 registered, {@link PromptConsumer} following
 * {@code sppo.prompts}) ⇄ PAUSED, until stopped. Rounds run one at a time on the {@link JobWorker}, in the order
 * they were formed: generate ({@link RoundLauncher}), then train, evaluate and decide ({@link RoundRunner}), then
 * the next formed round. Every step reads its state from Postgres, so a restart (or a resume) picks up the round
 * in progress where it stood.
 */
@Component
public class ContinuousOrchestrator {

    private final JobRepository jobs;
    private final IterationRepository iterations;
    private final JobTransitions transitions;
    private final JobWorker worker;
    private final JobGuard guard;
    private final JobPlans plans;
    private final JobStarter starter;
    private final PromptConsumer consumer;
    private final StreamPromptRepository prompts;
    private final RoundLauncher launcher;
    private final RoundRunner runner;

    public ContinuousOrchestrator(JobRepository jobs, IterationRepository iterations, JobTransitions transitions,
            JobWorker worker, JobGuard guard, JobPlans plans, JobStarter starter, PromptConsumer consumer,
            StreamPromptRepository prompts, RoundLauncher launcher, RoundRunner runner) {
        this.jobs = jobs;
        this.iterations = iterations;
        this.transitions = transitions;
        this.worker = worker;
        this.guard = guard;
        this.plans = plans;
        this.starter = starter;
        this.consumer = consumer;
        this.prompts = prompts;
        this.launcher = launcher;
        this.runner = runner;
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
        transitions.queued(id, submission.name(), submission.config());
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
        worker.submit(id, "resume rounds", () -> resumeRounds(id));
    }

    /** Called when every prompt of round r is settled: the one caller that moves it to TRAIN runs it. */
    public void generationComplete(String jobId, int round) {
        if (transitions.beginTraining(jobId, round)) {
            runRound(jobId, round);
        }
    }

    @EventListener
    void roundsFormed(RoundsFormed event) {
        worker.submit(event.jobId(), "next round", () -> advance(event.jobId()));
    }

    private void start(String jobId) throws Exception {
        starter.base(jobId, plans.plan(guard.active(jobId)));
        if (!transitions.run(jobId, "consuming " + Topics.PROMPTS)) {
            throw new JobInterruptedException("job " + jobId + " is no longer queued");
        }
        consumer.follow(jobId);
        advance(jobId);
    }

    private void resumeRounds(String jobId) {
        guard.check(jobId);
        Integer round = prompts.inProgress(jobId);
        if (round == null) {
            advance(jobId);
            return;
        }
        Phase phase = iterations.find(jobId, round).orElseThrow().phase();
        if (phase != Phase.GENERATE) {
            runRound(jobId, round);
        } else if (launcher.republishUnanswered(jobId, round) == 0) {
            generationComplete(jobId, round);
        }
    }

    private void runRound(String jobId, int round) {
        worker.submit(jobId, "round " + round, () -> {
            runner.run(jobId, round);
            advance(jobId);
        });
    }

    /** Begins the next formed round unless one is in progress; on the worker thread only. */
    private void advance(String jobId) {
        guard.check(jobId);
        if (prompts.inProgress(jobId) == null) {
            Integer next = prompts.nextUnstarted(jobId);
            if (next != null) {
                launcher.begin(jobId, next);
            }
        }
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
