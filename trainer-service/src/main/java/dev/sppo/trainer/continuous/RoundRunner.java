package dev.sppo.trainer.continuous;

import dev.sppo.trainer.checkpoint.Checkpoint;
import dev.sppo.trainer.config.JobPlan;
import dev.sppo.trainer.config.JobPlans;
import dev.sppo.trainer.config.JobPrompts;
import dev.sppo.trainer.job.Job;
import dev.sppo.trainer.orchestration.JobGuard;
import dev.sppo.trainer.orchestration.JobTransitions;

import org.springframework.stereotype.Component;

/**
 * Round r after its generate phase, on the worker: unless the round was already decided, the {@link RoundTrainer}
 * trains candidate v(r+1) from the serving version and the {@link PromotionDecider} decides whether it replaces
 * it; a promoted candidate is announced, and the round is finished.
 */
@Component
public class RoundRunner {

    private final JobGuard guard;
    private final JobPlans plans;
    private final ServingCheckpoint servingCheckpoint;
    private final RoundTrainer trainer;
    private final PromotionDecider decider;
    private final JobTransitions transitions;

    public RoundRunner(JobGuard guard, JobPlans plans, ServingCheckpoint servingCheckpoint, RoundTrainer trainer,
            PromotionDecider decider, JobTransitions transitions) {
        this.guard = guard;
        this.plans = plans;
        this.servingCheckpoint = servingCheckpoint;
        this.trainer = trainer;
        this.decider = decider;
        this.transitions = transitions;
    }

    void run(String jobId, int round) throws Exception {
        Job job = guard.active(jobId);
        if (!decider.isDecided(jobId, round)) {
            decide(job, round);
        }
        decider.announce(jobId, round);
        transitions.finishRound(jobId, round);
    }

    private void decide(Job job, int round) throws Exception {
        JobPlan plan = plans.plan(job);
        JobPrompts prompts = plans.prompts(job);
        ContinuousSettings settings = ContinuousSettings.read(job.config().get(ContinuousSettings.KEY));
        Checkpoint serving = servingCheckpoint.of(job.id());
        RoundTrainer.Candidate candidate = trainer.train(job.id(), plan, prompts, round, serving);
        decider.decide(job.id(), plan, prompts, round, serving, candidate, settings.promotionThreshold());
    }
}
