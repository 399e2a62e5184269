package dev.sppo.trainer.orchestration;

import dev.sppo.trainer.config.JobSubmission;
import dev.sppo.trainer.job.Job;
import dev.sppo.trainer.job.JobState;
import dev.sppo.trainer.job.Phase;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.UUID;

/**
 * Drives jobs through their iterations: queues submissions, hands the heavy steps to the {@link JobWorker},
 * starts training when an iteration's results are complete, cancels, and resumes jobs after a restart. A job of
 * another {@link JobKind} (a continuous job) is submitted to and resumed by its kind.
 */
@Component
public class JobOrchestrator {

    private static final Logger LOG = LoggerFactory.getLogger(JobOrchestrator.class);

    private final JobKinds kinds;
    private final JobTransitions transitions;
    private final JobWorker worker;
    private final JobStarter starter;
    private final IterationLauncher launcher;
    private final IterationRunner runner;

    public JobOrchestrator(JobKinds kinds, JobTransitions transitions, JobWorker worker, JobStarter starter,
            IterationLauncher launcher, IterationRunner runner) {
        this.kinds = kinds;
        this.transitions = transitions;
        this.worker = worker;
        this.starter = starter;
        this.launcher = launcher;
        this.runner = runner;
    }

    /** Queues a validated job and starts it; returns its id. */
    public String submit(JobSubmission submission) {
        Optional<JobKind> kind = kinds.of(submission.config());
        if (kind.isPresent()) {
            return kind.get().submit(submission);
        }
        String id = UUID.randomUUID().toString();
        transitions.queued(id, submission);
        worker.submit(id, "start", () -> starter.start(id));
        return id;
    }

    /** False when the job is unknown or already terminal; in-flight messages for it are ignored afterwards. */
    public boolean cancel(String jobId) {
        return transitions.cancel(jobId);
    }

    /** Called when iteration t holds every prompt's result: the one caller that moves it to TRAIN trains it. */
    public void generationComplete(String jobId, int t) {
        if (transitions.beginTraining(jobId, t)) {
            worker.submit(jobId, "iteration " + t, () -> runner.run(jobId, t));
        }
    }

    /** Picks up a QUEUED or RUNNING job after a restart, from the phase recorded in Postgres. */
    public void resume(Job job) {
        String id = job.id();
        LOG.info("job {}: resuming ({} iteration {} phase {})", id, job.state(), job.iteration(), job.phase());
        Optional<JobKind> kind = kinds.of(job.config());
        if (kind.isPresent()) {
            kind.get().resume(job);
        } else if (job.state() == JobState.QUEUED) {
            worker.submit(id, "start", () -> starter.start(id));
        } else if (job.phase() == Phase.GENERATE) {
            int t = job.iteration();
            worker.submit(id, "resume iteration " + t, () -> resumeGeneration(id, t));
        } else {
            int t = job.iteration();
            worker.submit(id, "iteration " + t, () -> runner.run(id, t));
        }
    }

    private void resumeGeneration(String jobId, int t) {
        if (launcher.republishMissing(jobId, t) == 0) {
            generationComplete(jobId, t);
        }
    }
}
