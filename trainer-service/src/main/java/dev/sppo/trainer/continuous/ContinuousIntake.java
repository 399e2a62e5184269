package dev.sppo.trainer.continuous;

import dev.sppo.contracts.GenerationRequest;
import dev.sppo.contracts.InvalidMessageException;
import dev.sppo.contracts.MessageCodec;
import dev.sppo.contracts.ScoredPrompt;
import dev.sppo.source.RunPrompt;
import dev.sppo.trainer.config.JobPlan;
import dev.sppo.trainer.config.JobPlans;
import dev.sppo.trainer.config.JobPrompts;
import dev.sppo.trainer.job.Job;
import dev.sppo.trainer.job.PromptResultRepository;
import dev.sppo.trainer.messaging.ScoredPrompts;
import dev.sppo.trainer.metrics.TrainerMetrics;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;

/**
 * A continuous job's scored prompts, for the round it is generating. The message must name a prompt of that
 * round (else {@link InvalidMessageException}: dead-lettered). Its responses are judged by {@link Staleness}
 * against the serving version: fresh ones are stored once per (job, round, prompt); stale ones are regenerated or
 * their prompt dropped, and counted. When every prompt of the round is settled (stored or dropped) the round
 * goes on to training.
 */
@Component
public class ContinuousIntake {

    private static final Logger LOG = LoggerFactory.getLogger(ContinuousIntake.class);

    private final JobPlans plans;
    private final StreamPromptRepository prompts;
    private final PromptResultRepository results;
    private final PromotionRepository promotions;
    private final RoundLauncher launcher;
    private final RoundScheduler rounds;
    private final TrainerMetrics trainerMetrics;
    private final ContinuousMetrics metrics;

    public ContinuousIntake(JobPlans plans, StreamPromptRepository prompts, PromptResultRepository results,
            PromotionRepository promotions, RoundLauncher launcher, RoundScheduler rounds,
            TrainerMetrics trainerMetrics, ContinuousMetrics metrics) {
        this.plans = plans;
        this.prompts = prompts;
        this.results = results;
        this.promotions = promotions;
        this.launcher = launcher;
        this.rounds = rounds;
        this.trainerMetrics = trainerMetrics;
        this.metrics = metrics;
    }

    /** Handles a message for {@code job}, which the caller found RUNNING in the message's round, generating. */
    public void accept(ScoredPrompt scored, Job job) {
        GenerationRequest request = scored.responses().request();
        String jobId = job.id();
        int round = request.iteration();
        JobPlan plan = plans.plan(job);
        RunPrompt prompt = roundPrompt(plans.prompts(job), scored);
        ScoredPrompts.requireK(scored, plan.config().sampling().numSamples());
        ScoredPrompts.outcome(scored);
        if (results.promptIds(jobId, round).contains(prompt.id()) || prompts.isDropped(jobId, prompt.id())) {
            trainerMetrics.preference("duplicate");
        } else {
            settle(scored, job, plan, prompt);
        }
        if (prompts.settled(jobId, round) >= prompts.roundSize(jobId, round)) {
            rounds.generationComplete(jobId, round);
        }
    }

    private void settle(ScoredPrompt scored, Job job, JobPlan plan, RunPrompt prompt) {
        String jobId = job.id();
        int round = scored.responses().request().iteration();
        ContinuousSettings settings = ContinuousSettings.read(job.config().get(ContinuousSettings.KEY));
        int serving = promotions.servingVersion(jobId);
        int served = scored.responses().effectiveVersion();
        switch (Staleness.judge(serving, served, prompts.regenerations(jobId, prompt.id()), settings)) {
            case FRESH -> {
                boolean stored = results.insert(jobId, round, prompt.id(),
                        new String(MessageCodec.encode(scored), StandardCharsets.UTF_8));
                trainerMetrics.preference(stored ? "stored" : "duplicate");
            }
            case REGENERATE -> {
                prompts.regenerated(jobId, prompt.id());
                metrics.stale("regenerated");
                LOG.info("job {}: prompt {} answered by v{} while v{} serves: regenerating", jobId, prompt.id(),
                        served, serving);
                launcher.regenerate(jobId, plan, round, prompt);
            }
            case DROP -> {
                prompts.drop(jobId, prompt.id());
                metrics.stale("dropped");
                LOG.info("job {}: prompt {} answered by v{} while v{} serves: dropped", jobId, prompt.id(), served,
                        serving);
            }
        }
    }

    private RunPrompt roundPrompt(JobPrompts jobPrompts, ScoredPrompt scored) {
        GenerationRequest request = scored.responses().request();
        return prompts.prompt(request.jobId(), request.iteration(), request.promptId())
                .filter(p -> p.text().equals(request.prompt()))
                .map(p -> p.render(jobPrompts))
                .orElseThrow(() -> new InvalidMessageException("ScoredPrompt.responses.request.promptId: '"
                        + request.promptId() + "' with text '" + request.prompt() + "' is not a prompt of job "
                        + request.jobId() + " round " + request.iteration()));
    }
}
