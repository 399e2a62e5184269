package dev.sppo.trainer.orchestration;

import ai.djl.ndarray.NDManager;
import dev.sppo.checkpoint.ModelDirectory;
import dev.sppo.loop.SppoLoop;
import dev.sppo.loop.WarmStart;
import dev.sppo.model.Policy;
import dev.sppo.trainer.checkpoint.Checkpoint;
import dev.sppo.trainer.checkpoint.CheckpointRepository;
import dev.sppo.trainer.checkpoint.CheckpointStore;
import dev.sppo.trainer.checkpoint.StoredCheckpoint;
import dev.sppo.trainer.config.BaseReferences;
import dev.sppo.trainer.config.JobPlan;
import dev.sppo.trainer.config.JobPlans;
import dev.sppo.trainer.job.Job;
import dev.sppo.trainer.messaging.MessagePublisher;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.nio.file.Path;
import java.util.Map;

/**
 * Starts a QUEUED job on the worker: resolves the base policy π_0 ({@link WarmStart#basePolicy}: the configured
 * directory, or the task's warm start, cached by config hash under the store root), copies it into the store
 * as checkpoint v0 (whose parent is the checkpoint the job's {@code base.checkpoint} names, if any), and begins
 * iteration 0.
 */
@Component
public class JobStarter {

    private static final Logger LOG = LoggerFactory.getLogger(JobStarter.class);

    private final JobGuard guard;
    private final JobPlans plans;
    private final CheckpointStore store;
    private final CheckpointRepository checkpoints;
    private final MessagePublisher publisher;
    private final IterationLauncher launcher;

    public JobStarter(JobGuard guard, JobPlans plans, CheckpointStore store, CheckpointRepository checkpoints,
            MessagePublisher publisher, IterationLauncher launcher) {
        this.guard = guard;
        this.plans = plans;
        this.store = store;
        this.checkpoints = checkpoints;
        this.publisher = publisher;
        this.launcher = launcher;
    }

    public void start(String jobId) throws Exception {
        Job job = guard.active(jobId);
        JobPlan plan = plans.plan(job);
        if (plan.config().evaluatesWithTrainingJudge()) {
            LOG.warn("job {}: {}", jobId, SppoLoop.SAME_JUDGE_WARNING);
        }
        launcher.begin(jobId, plan, 0, base(job, plan));
    }

    /** An active job's checkpoint v0, registered first unless a previous start got that far. */
    public Checkpoint base(String jobId) throws Exception {
        Job job = guard.active(jobId);
        return base(job, plans.plan(job));
    }

    private Checkpoint base(Job job, JobPlan plan) throws Exception {
        Checkpoint base = checkpoints.find(job.id(), 0).orElse(null);
        return base != null ? base : registerBase(job, plan);
    }

    private Checkpoint registerBase(Job job, JobPlan plan) throws Exception {
        String jobId = job.id();
        Path dir = WarmStart.basePolicy(plan.config(), LogStream.info(LOG, "job " + jobId));
        guard.check(jobId);
        StoredCheckpoint stored;
        try (NDManager manager = NDManager.newBaseManager(); Policy policy = ModelDirectory.load(dir, manager)) {
            stored = store.save(Checkpoint.idOf(jobId, 0), policy, Map.of("sppo.job", jobId, "sppo.iteration", "0"));
        }
        Checkpoint base = checkpoints.record(jobId, 0, stored, BaseReferences.checkpointOf(job.config()).orElse(null));
        publisher.checkpoint(base);
        LOG.info("job {}: base policy {} registered as {}", jobId, dir, base.id());
        return base;
    }
}
