package dev.sppo.trainer.continuous;

import dev.sppo.evaluation.WinRate;
import dev.sppo.task.Prompt;
import dev.sppo.trainer.checkpoint.Checkpoint;
import dev.sppo.trainer.checkpoint.CheckpointRepository;
import dev.sppo.trainer.config.JobPlan;
import dev.sppo.trainer.config.JobPlans;
import dev.sppo.trainer.job.IterationRepository;
import dev.sppo.trainer.job.Job;
import dev.sppo.trainer.job.JobRepository;
import dev.sppo.trainer.job.PromptResultRepository;
import dev.sppo.trainer.messaging.MessagePublisher;
import dev.sppo.trainer.orchestration.IterationEvaluator;
import dev.sppo.trainer.orchestration.IterationTrainer;
import dev.sppo.trainer.orchestration.JobGuard;
import dev.sppo.trainer.orchestration.JobTransitions;
import dev.sppo.trainer.orchestration.NoPreferenceSignalException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Round r after its generate phase, on the worker: train candidate v(r+1) from the serving version on the
 * round's answered prompts (the batch {@link IterationTrainer}), evaluate it against the serving version on the
 * job's held-out prompts ({@link IterationEvaluator}, gold judge), record the {@link PromotionRule} decision and,
 * if promoted, announce the checkpoint so generators hot-swap to it. A round redone after a restart reuses its
 * recorded candidate and decision.
 */
@Component
public class RoundRunner {

    private static final Logger LOG = LoggerFactory.getLogger(RoundRunner.class);
    private static final long DELAY_STEP_MILLIS = 100;

    private final JobGuard guard;
    private final JobPlans plans;
    private final JobRepository jobs;
    private final CheckpointRepository checkpoints;
    private final IterationRepository iterations;
    private final PromptResultRepository results;
    private final PromotionRepository promotions;
    private final IterationTrainer trainer;
    private final IterationEvaluator evaluator;
    private final JobTransitions transitions;
    private final MessagePublisher publisher;
    private final ContinuousMetrics metrics;
    private final StreamPromptRepository prompts;
    private final ContinuousProperties properties;

    public RoundRunner(JobGuard guard, JobPlans plans, JobRepository jobs, CheckpointRepository checkpoints,
            IterationRepository iterations, PromptResultRepository results, PromotionRepository promotions,
            IterationTrainer trainer, IterationEvaluator evaluator, JobTransitions transitions,
            MessagePublisher publisher, ContinuousMetrics metrics, StreamPromptRepository prompts,
            ContinuousProperties properties) {
        this.guard = guard;
        this.plans = plans;
        this.jobs = jobs;
        this.checkpoints = checkpoints;
        this.iterations = iterations;
        this.results = results;
        this.promotions = promotions;
        this.trainer = trainer;
        this.evaluator = evaluator;
        this.transitions = transitions;
        this.publisher = publisher;
        this.metrics = metrics;
        this.prompts = prompts;
        this.properties = properties;
    }

    void run(String jobId, int round) throws Exception {
        Job job = guard.active(jobId);
        if (promotions.promoted(jobId, round).isEmpty()) {
            decide(job, round);
        }
        boolean promoted = promotions.promoted(jobId, round).orElse(false);
        if (promoted) {
            publisher.checkpoint(checkpoints.require(jobId, round + 1));
        }
        metrics.promotion(promoted, promotions.servingVersion(jobId));
        iterations.finish(jobId, round);
        jobs.idle(jobId);
    }

    private void decide(Job job, int round) throws Exception {
        String jobId = job.id();
        JobPlan plan = plans.plan(job);
        ContinuousSettings settings = ContinuousSettings.read(job.config().get(ContinuousSettings.KEY));
        Checkpoint serving = checkpoints.require(jobId, promotions.servingVersion(jobId));
        Checkpoint candidate = checkpoints.find(jobId, round + 1).orElse(null);
        if (candidate == null) {
            List<Prompt> answered = answered(plan, jobId, round);
            if (answered.isEmpty()) {
                reject(jobId, round, serving, settings, "every prompt of the round was dropped as stale");
                return;
            }
            slowDown(jobId);
            try {
                candidate = trainer.train(jobId, plan, round, serving, answered);
            } catch (NoPreferenceSignalException e) {
                reject(jobId, round, serving, settings, e.getMessage());
                return;
            }
        }
        transitions.beginEvaluation(jobId, round, "round " + round + ": evaluating candidate v" + (round + 1)
                + " against serving v" + serving.policyVersion());
        WinRate vsServing = evaluator.evaluate(jobId, plan, round, checkpoints.require(jobId, 0), serving, candidate);
        boolean promote = PromotionRule.promotes(vsServing, settings.promotionThreshold());
        String reason = String.format(Locale.ROOT, "win rate %.3f %s threshold %.3f", vsServing.rate(),
                promote ? ">=" : "<", settings.promotionThreshold());
        promotions.record(jobId, round, round + 1, serving.policyVersion(), vsServing, settings.promotionThreshold(),
                promote, reason);
        LOG.info("job {}: round {}: candidate v{} {} ({})", jobId, round, round + 1,
                promote ? "promoted" : "not promoted", reason);
    }

    private void reject(String jobId, int round, Checkpoint serving, ContinuousSettings settings, String reason) {
        promotions.record(jobId, round, null, serving.policyVersion(), null, settings.promotionThreshold(), false,
                reason);
        LOG.info("job {}: round {}: no candidate ({})", jobId, round, reason);
    }

    /** The round's prompts that have a stored (fresh) result, in arrival order. */
    private List<Prompt> answered(JobPlan plan, String jobId, int round) {
        Set<String> stored = results.promptIds(jobId, round);
        return RoundLauncher.roundPrompts(plan, prompts.prompts(jobId, round)).stream()
                .filter(p -> stored.contains(p.id())).toList();
    }

    /** The {@code round-delay} test setting: a slow trainer, still stoppable between steps. */
    private void slowDown(String jobId) throws InterruptedException {
        long end = System.nanoTime() + properties.roundDelay().toNanos();
        while (System.nanoTime() < end) {
            guard.check(jobId);
            Thread.sleep(DELAY_STEP_MILLIS);
        }
    }
}
