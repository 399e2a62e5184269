package dev.sppo.trainer.orchestration;

import dev.sppo.trainer.TrainerProperties;

import jakarta.annotation.PreDestroy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The one thread per instance that does the heavy work (warm start, training, evaluation) one step at a time.
 * A step that throws fails its job with the reason, so no job is left RUNNING by an error; a step stopped by
 * {@link JobInterruptedException} (cancel, shutdown) leaves the job as it is. A step that lost the database
 * ({@link TransientFailures}: a PostgreSQL restart under it) is tried again every {@link #RETRY_DELAY}, up to
 * {@value #MAX_ATTEMPTS} times, before it fails the job: every step is a resume point, so running it again
 * redoes only what was not recorded (the chaos run found a restart in TRAIN failing the job).
 */
@Component
public class JobWorker {

    private static final Logger LOG = LoggerFactory.getLogger(JobWorker.class);

    /** A unit of work on the worker thread. */
    @FunctionalInterface
    public interface Step {
        void run() throws Exception;
    }

    /** How long a step that lost the database (or the checkpoint store) waits before it is tried again. */
    static final Duration RETRY_DELAY = Duration.ofSeconds(2);
    /**
     * How often a step that keeps losing the database is tried in all (about a minute of outage; with an
     * unreachable checkpoint store, whose own retries take about 35 s an attempt, about 18 minutes).
     */
    static final int MAX_ATTEMPTS = 30;

    private final ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, runnable -> {
        Thread thread = new Thread(runnable, "sppo-trainer-worker");
        thread.setDaemon(true);
        return thread;
    });
    private final JobTransitions transitions;
    private final Duration shutdownTimeout;
    private volatile boolean stopping;

    public JobWorker(JobTransitions transitions, TrainerProperties properties) {
        this.transitions = transitions;
        this.shutdownTimeout = properties.shutdownTimeout();
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    public void submit(String jobId, String step, Step work) {
        executor.execute(() -> run(jobId, step, work, 1));
    }

    /** True once the service has begun to stop: steps end at their next check and their jobs stay resumable. */
    public boolean isStopping() {
        return stopping;
    }

    private void run(String jobId, String step, Step work, int attempt) {
        try {
            work.run();
        } catch (JobInterruptedException e) {
            LOG.info("job {}: {} stopped: {}", jobId, step, e.getMessage());
        } catch (Throwable e) {
            if (stopping) {
                LOG.warn("job {}: {} interrupted by shutdown ({}); it resumes on the next start", jobId, step,
                        e.toString());
                return;
            }
            if (attempt < MAX_ATTEMPTS && TransientFailures.isTransient(e)) {
                LOG.warn("job {}: {} lost the database or the checkpoint store ({}); trying again in {} "
                        + "(attempt {} of {})", jobId, step, reason(e), RETRY_DELAY, attempt + 1, MAX_ATTEMPTS);
                executor.schedule(() -> run(jobId, step, work, attempt + 1), RETRY_DELAY.toMillis(),
                        TimeUnit.MILLISECONDS);
                return;
            }
            LOG.error("job {}: {} failed", jobId, step, e);
            fail(jobId, step + ": " + reason(e), 1);
        }
    }

    /**
     * Records the job's failure; when that too loses the database it is tried again like a step, so that a job
     * whose step failed while PostgreSQL restarted does not stay RUNNING with nothing left to move it.
     */
    private void fail(String jobId, String reason, int attempt) {
        try {
            transitions.fail(jobId, reason);
        } catch (RuntimeException e) {
            if (stopping || attempt >= MAX_ATTEMPTS) {
                LOG.error("job {}: could not record its failure ({}); it is resumed on the next start", jobId,
                        reason, e);
                return;
            }
            LOG.warn("job {}: could not record its failure ({}); trying again in {} (attempt {} of {})", jobId,
                    reason(e), RETRY_DELAY, attempt + 1, MAX_ATTEMPTS);
            executor.schedule(() -> fail(jobId, reason, attempt + 1), RETRY_DELAY.toMillis(),
                    TimeUnit.MILLISECONDS);
        }
    }

    static String reason(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        Throwable cause = e.getCause();
        return cause == null || cause.getMessage() == null || message.contains(cause.getMessage()) ? message
                : message + " (" + cause.getMessage() + ")";
    }

    /**
     * Marks the worker as stopping as soon as the context starts closing, before the Kafka bindings stop (which
     * happens before {@link #stop()}), so a step cut off by the shutdown leaves its job resumable instead of
     * failing it.
     */
    @EventListener(ContextClosedEvent.class)
    void closing() {
        stopping = true;
    }

    @PreDestroy
    void stop() throws InterruptedException {
        stopping = true;
        executor.shutdown();
        if (!executor.awaitTermination(shutdownTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
            LOG.warn("worker still busy after {}; leaving its job to be resumed on the next start", shutdownTimeout);
            executor.shutdownNow();
        }
    }
}
