package dev.sppo.trainer.orchestration;

import dev.sppo.trainer.checkpoint.CheckpointRepository;
import dev.sppo.trainer.config.JobConfigs;
import dev.sppo.trainer.config.JobPlan;
import dev.sppo.trainer.config.JobPlans;
import dev.sppo.trainer.config.JobSubmission;
import dev.sppo.trainer.continuous.ContinuousOrchestrator;
import dev.sppo.trainer.continuous.ContinuousSettings;
import dev.sppo.trainer.job.Job;
import dev.sppo.trainer.job.JobState;
import dev.sppo.trainer.job.Phase;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.UUID;

/**
 * Drives jobs through their iterations: accepts submissions, hands the heavy steps to the {@link JobWorker},
 * starts training when an iteration's results are complete, cancels, and resumes jobs after a restart.
 * Continuous jobs are handed to the {@link ContinuousOrchestrator}.
 */
@Component
public class JobOrchestrator {

    private static final Logger LOG = LoggerFactory.getLogger(JobOrchestrator.class);

    private final JobConfigs configs;
    private final JobPlans plans;
    private final JobTransitions transitions;
    private final JobWorker worker;
    private final JobStarter starter;
    private final IterationLauncher launcher;
    private final IterationRunner runner;
    private final CheckpointRepository checkpoints;
    private final JobGuard guard;
    private final ContinuousOrchestrator continuous;

    public JobOrchestrator(JobConfigs configs, JobPlans plans, JobTransitions transitions, JobWorker worker,
            JobStarter starter, IterationLauncher launcher, IterationRunner runner, CheckpointRepository checkpoints,
            JobGuard guard, ContinuousOrchestrator continuous) {
        this.configs = configs;
        this.plans = plans;
        this.transitions = transitions;
        this.worker = worker;
        this.starter = starter;
        this.launcher = launcher;
        this.runner = runner;
        this.checkpoints = checkpoints;
        this.guard = guard;
        this.continuous = continuous;
    }

    /**
     * Validates and queues a job.
     *
     * @param body the config tree plus an optional {@code name}
     * @return its id
     * @throws dev.sppo.trainer.config.InvalidJobConfigException naming every bad field
     */
    public String submit(Map<String, Object> body) {
        JobSubmission submission = configs.validate(body);
        if (submission.isContinuous()) {
            return continuous.submit(submission);
        }
        String id = UUID.randomUUID().toString();
        transitions.queued(id, submission.name(), submission.config());
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
        if (ContinuousSettings.isContinuous(job.config())) {
            continuous.resume(job);
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
        JobPlan plan = plans.plan(guard.active(jobId));
        if (launcher.republishMissing(jobId, plan, t, checkpoints.require(jobId, t)) == 0) {
            generationComplete(jobId, t);
        }
    }
}
