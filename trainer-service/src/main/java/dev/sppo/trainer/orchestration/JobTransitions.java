package dev.sppo.trainer.orchestration;

import dev.sppo.contracts.ContractVersion;
import dev.sppo.contracts.JobEvent;
import dev.sppo.trainer.config.JobPlans;
import dev.sppo.trainer.config.JobSubmission;
import dev.sppo.trainer.job.IterationRepository;
import dev.sppo.trainer.job.JobRepository;
import dev.sppo.trainer.job.JobState;
import dev.sppo.trainer.job.Phase;
import dev.sppo.trainer.messaging.MessagePublisher;
import dev.sppo.trainer.metrics.TrainerMetrics;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.function.BooleanSupplier;

/**
 * The job state machine's writes: QUEUED → RUNNING(t, GENERATE → TRAIN → EVALUATE) → … → SUCCEEDED, or
 * FAILED / CANCELLED from any active state. Each change is a conditional update (an active job only) and is
 * announced as a {@link JobEvent} on {@code sppo.job-events}.
 */
@Component
public class JobTransitions {

    private static final Logger LOG = LoggerFactory.getLogger(JobTransitions.class);

    private final JobRepository jobs;
    private final IterationRepository iterations;
    private final TransactionTemplate transactions;
    private final MessagePublisher publisher;
    private final JobPlans plans;
    private final EvaluationCache evaluations;
    private final TrainerMetrics metrics;

    public JobTransitions(JobRepository jobs, IterationRepository iterations, TransactionTemplate transactions,
            MessagePublisher publisher, JobPlans plans, EvaluationCache evaluations, TrainerMetrics metrics) {
        this.jobs = jobs;
        this.iterations = iterations;
        this.transactions = transactions;
        this.publisher = publisher;
        this.plans = plans;
        this.evaluations = evaluations;
        this.metrics = metrics;
    }

    public void queued(String jobId, JobSubmission submission) {
        String name = submission.name();
        jobs.insert(jobId, name, submission.owner(), submission.config());
        announce(jobId, JobState.QUEUED, null, null, name == null ? "submitted" : "submitted: " + name);
    }

    /** RUNNING(t, GENERATE) with iteration t's row; throws {@link JobInterruptedException} if no longer active. */
    public void beginIteration(String jobId, int t, int expectedPrompts) {
        beginIteration(jobId, t, expectedPrompts, "generating from policy v" + t);
    }

    /** {@link #beginIteration(String, int, int)} announced with {@code message}. */
    public void beginIteration(String jobId, int t, int expectedPrompts, String message) {
        requireEntered(jobId, atomically(() -> {
            iterations.insert(jobId, t, expectedPrompts);
            return jobs.enter(jobId, t, Phase.GENERATE);
        }));
        metrics.iteration(t);
        announce(jobId, JobState.RUNNING, t, Phase.GENERATE, message);
    }

    /** GENERATE → TRAIN of iteration t; true for exactly one caller, however many see the last result. */
    public boolean beginTraining(String jobId, int t) {
        boolean won = atomically(() -> iterations.beginTraining(jobId, t) && jobs.enter(jobId, t, Phase.TRAIN));
        if (won) {
            announce(jobId, JobState.RUNNING, t, Phase.TRAIN, "all prompts scored; training policy v" + (t + 1));
        }
        return won;
    }

    /** TRAIN → EVALUATE of iteration t; throws {@link JobInterruptedException} if no longer active. */
    public void beginEvaluation(String jobId, int t) {
        beginEvaluation(jobId, t, "evaluating policy v" + (t + 1));
    }

    /** {@link #beginEvaluation(String, int)} announced with {@code message}. */
    public void beginEvaluation(String jobId, int t, String message) {
        requireEntered(jobId, atomically(() -> {
            iterations.setPhase(jobId, t, Phase.EVALUATE);
            return jobs.enter(jobId, t, Phase.EVALUATE);
        }));
        announce(jobId, JobState.RUNNING, t, Phase.EVALUATE, message);
    }

    /**
     * Finishes round r of a continuous job, which stays RUNNING with no phase until its next round begins (not
     * announced: the next round's GENERATE is).
     */
    public void finishRound(String jobId, int round) {
        iterations.finish(jobId, round);
        jobs.idle(jobId);
    }

    /** QUEUED or RUNNING → PAUSED; false when the job is in neither state. */
    public boolean pause(String jobId) {
        boolean paused = jobs.pause(jobId);
        if (paused) {
            announce(jobId, JobState.PAUSED, null, null, "paused");
        }
        return paused;
    }

    /** QUEUED or PAUSED → RUNNING; false when the job is in neither state. */
    public boolean run(String jobId, String message) {
        boolean running = jobs.run(jobId);
        if (running) {
            announce(jobId, JobState.RUNNING, null, null, message);
        }
        return running;
    }

    /** Ends a continuous job (SUCCEEDED: its promoted versions are its result); false when it already ended. */
    public boolean stop(String jobId) {
        return end(jobId, JobState.SUCCEEDED, null, "stopped");
    }

    public void succeed(String jobId) {
        end(jobId, JobState.SUCCEEDED, null, "all iterations done");
    }

    public void fail(String jobId, String reason) {
        end(jobId, JobState.FAILED, reason, reason);
    }

    /** False when the job is unknown or already terminal. */
    public boolean cancel(String jobId) {
        return end(jobId, JobState.CANCELLED, null, "cancelled");
    }

    private boolean end(String jobId, JobState state, String reason, String message) {
        boolean ended = jobs.finish(jobId, state, reason);
        if (ended) {
            plans.forget(jobId);
            evaluations.forget(jobId);
            metrics.jobFinished(state.name());
            announce(jobId, state, null, null, message);
        }
        return ended;
    }

    /** Runs {@code body} in one transaction, rolled back when it returns false. */
    private boolean atomically(BooleanSupplier body) {
        return Boolean.TRUE.equals(transactions.execute(status -> {
            boolean done = body.getAsBoolean();
            if (!done) {
                status.setRollbackOnly();
            }
            return done;
        }));
    }

    private static void requireEntered(String jobId, boolean entered) {
        if (!entered) {
            throw new JobInterruptedException("job " + jobId + " is no longer active");
        }
    }

    /** Job events are advisory: a broker hiccup is logged and does not fail the job. */
    private void announce(String jobId, JobState state, Integer t, Phase phase, String message) {
        try {
            publisher.event(new JobEvent(ContractVersion.CURRENT, jobId, state.name(), t,
                    phase == null ? null : phase.name(), message, System.currentTimeMillis()));
        } catch (RuntimeException e) {
            LOG.warn("job {}: could not publish the {} event: {}", jobId, state, e.toString());
        }
    }
}
