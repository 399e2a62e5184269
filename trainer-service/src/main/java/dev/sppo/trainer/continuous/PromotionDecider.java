package dev.sppo.trainer.continuous;

import dev.sppo.evaluation.WinRate;
import dev.sppo.trainer.checkpoint.Checkpoint;
import dev.sppo.trainer.checkpoint.CheckpointRepository;
import dev.sppo.trainer.config.JobPlan;
import dev.sppo.trainer.config.JobPrompts;
import dev.sppo.trainer.messaging.MessagePublisher;
import dev.sppo.trainer.orchestration.IterationEvaluator;
import dev.sppo.trainer.orchestration.JobTransitions;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.Locale;

/**
 * Round r's promotion decision: candidate v(r+1) is evaluated against the serving version on the job's
 * held-out prompts ({@link IterationEvaluator}, gold judge) and promoted if the {@link PromotionRule} says so; a
 * round without a candidate is recorded as not promoted, with the reason. Each round is decided once: a round
 * redone after a restart keeps its recorded decision. A promoted checkpoint is announced so that generators
 * hot-swap to it.
 */
@Component
public class PromotionDecider {

    private static final Logger LOG = LoggerFactory.getLogger(PromotionDecider.class);

    private final PromotionRepository promotions;
    private final CheckpointRepository checkpoints;
    private final IterationEvaluator evaluator;
    private final JobTransitions transitions;
    private final MessagePublisher publisher;
    private final ContinuousMetrics metrics;

    public PromotionDecider(PromotionRepository promotions, CheckpointRepository checkpoints,
            IterationEvaluator evaluator, JobTransitions transitions, MessagePublisher publisher,
            ContinuousMetrics metrics) {
        this.promotions = promotions;
        this.checkpoints = checkpoints;
        this.evaluator = evaluator;
        this.transitions = transitions;
        this.publisher = publisher;
        this.metrics = metrics;
    }

    boolean isDecided(String jobId, int round) {
        return promotions.promoted(jobId, round).isPresent();
    }

    /** Decides round r: promote ⇔ the candidate's win rate against {@code serving} ≥ {@code threshold}. */
    void decide(String jobId, JobPlan plan, JobPrompts prompts, int round, Checkpoint serving,
            RoundTrainer.Candidate candidate, double threshold) {
        if (!candidate.exists()) {
            promotions.record(jobId, round, null, serving.policyVersion(), null, threshold, false,
                    candidate.noneBecause());
            LOG.info("job {}: round {}: no candidate ({})", jobId, round, candidate.noneBecause());
            return;
        }
        transitions.beginEvaluation(jobId, round, "round " + round + ": evaluating candidate v" + (round + 1)
                + " against serving v" + serving.policyVersion());
        WinRate vsServing = evaluator.evaluate(jobId, plan, prompts, round, checkpoints.require(jobId, 0), serving,
                candidate.checkpoint());
        boolean promote = PromotionRule.promotes(vsServing, threshold);
        String reason = String.format(Locale.ROOT, "win rate %.3f %s threshold %.3f", vsServing.rate(),
                promote ? ">=" : "<", threshold);
        promotions.record(jobId, round, round + 1, serving.policyVersion(), vsServing, threshold, promote, reason);
        LOG.info("job {}: round {}: candidate v{} {} ({})", jobId, round, round + 1,
                promote ? "promoted" : "not promoted", reason);
    }

    /** Announces round r's candidate if it was promoted (again, after a restart), and counts the decision. */
    void announce(String jobId, int round) {
        boolean promoted = promotions.promoted(jobId, round).orElse(false);
        if (promoted) {
            publisher.checkpoint(checkpoints.require(jobId, round + 1));
        }
        metrics.promotion(promoted, promotions.servingVersion(jobId));
    }
}
