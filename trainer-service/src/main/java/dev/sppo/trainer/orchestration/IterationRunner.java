package dev.sppo.trainer.orchestration;

import dev.sppo.trainer.checkpoint.Checkpoint;
import dev.sppo.trainer.checkpoint.CheckpointRepository;
import dev.sppo.trainer.config.JobPlan;
import dev.sppo.trainer.config.JobPlans;
import dev.sppo.trainer.job.IterationRepository;
import dev.sppo.trainer.job.Job;
import dev.sppo.trainer.messaging.MessagePublisher;

import org.springframework.stereotype.Component;

/**
 * Iteration t after its generate phase, on the worker: train π_{t+1} (unless its checkpoint is already
 * recorded: then a previous run got that far and only evaluation is redone), announce the checkpoint,
 * evaluate, then begin iteration t+1 or finish the job.
 */
@Component
public class IterationRunner {

    private final JobGuard guard;
    private final JobPlans plans;
    private final CheckpointRepository checkpoints;
    private final IterationRepository iterations;
    private final IterationTrainer trainer;
    private final IterationEvaluator evaluator;
    private final IterationLauncher launcher;
    private final JobTransitions transitions;
    private final MessagePublisher publisher;

    public IterationRunner(JobGuard guard, JobPlans plans, CheckpointRepository checkpoints,
            IterationRepository iterations, IterationTrainer trainer, IterationEvaluator evaluator,
            IterationLauncher launcher, JobTransitions transitions, MessagePublisher publisher) {
        this.guard = guard;
        this.plans = plans;
        this.checkpoints = checkpoints;
        this.iterations = iterations;
        this.trainer = trainer;
        this.evaluator = evaluator;
        this.launcher = launcher;
        this.transitions = transitions;
        this.publisher = publisher;
    }

    public void run(String jobId, int t) throws Exception {
        Job job = guard.active(jobId);
        JobPlan plan = plans.plan(job);
        Checkpoint parent = checkpoints.require(jobId, t);
        Checkpoint next = checkpoints.find(jobId, t + 1).orElse(null);
        if (next == null) {
            next = trainer.train(jobId, plan, t, parent, plans.prompts(job).batch(t));
        }
        publisher.checkpoint(next);
        transitions.beginEvaluation(jobId, t);
        evaluator.evaluate(jobId, plan, plans.prompts(job), t, checkpoints.require(jobId, 0), parent, next);
        iterations.finish(jobId, t);
        guard.check(jobId);
        if (t + 1 < plan.config().iterations()) {
            launcher.begin(jobId, plan, t + 1, next);
        } else {
            transitions.succeed(jobId);
        }
    }
}
