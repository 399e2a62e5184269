package dev.sppo.trainer.orchestration;

import dev.sppo.trainer.TrainerProperties;

import jakarta.annotation.PreDestroy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The one thread per instance that does the heavy work (warm start, training, evaluation) one step at a time.
 * A step that throws fails its job with the reason, so no job is left RUNNING by an error; a step stopped by
 * {@link JobInterruptedException} (cancel, shutdown) leaves the job as it is.
 */
@Component
public class JobWorker {

    private static final Logger LOG = LoggerFactory.getLogger(JobWorker.class);

    /** A unit of work on the worker thread. */
    @FunctionalInterface
    public interface Step {
        void run() throws Exception;
    }

    private final ExecutorService executor = Executors.newSingleThreadExecutor(runnable -> {
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
    }

    public void submit(String jobId, String step, Step work) {
        executor.execute(() -> run(jobId, step, work));
    }

    /** True once the service has begun to stop: steps end at their next check and their jobs stay resumable. */
    public boolean isStopping() {
        return stopping;
    }

    private void run(String jobId, String step, Step work) {
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
            LOG.error("job {}: {} failed", jobId, step, e);
            transitions.fail(jobId, step + ": " + reason(e));
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
