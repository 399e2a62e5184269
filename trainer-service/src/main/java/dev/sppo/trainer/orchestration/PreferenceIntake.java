package dev.sppo.trainer.orchestration;

import dev.sppo.contracts.GenerationRequest;
import dev.sppo.contracts.InvalidMessageException;
import dev.sppo.contracts.MessageCodec;
import dev.sppo.contracts.ScoredPrompt;
import dev.sppo.trainer.config.JobPlan;
import dev.sppo.trainer.config.JobPlans;
import dev.sppo.trainer.config.JobPrompts;
import dev.sppo.trainer.job.Job;
import dev.sppo.trainer.job.JobRepository;
import dev.sppo.trainer.job.Phase;
import dev.sppo.trainer.job.PromptResultRepository;
import dev.sppo.trainer.messaging.ScoredPrompts;
import dev.sppo.trainer.metrics.TrainerMetrics;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * Receives {@link ScoredPrompt}s from {@code sppo.preferences}. A message that breaks its contract, or names a
 * prompt that is not one of its iteration's, throws {@link InvalidMessageException} (it is dead-lettered). A
 * message for an unknown or finished job, or for an iteration that is no longer generating, is ignored and
 * counted. A message of a job of another {@link JobKind} (a continuous job) goes to that kind. Otherwise it is
 * stored once per (job, iteration, prompt), so duplicates and redeliveries never count twice, and when the
 * iteration's count is complete its training starts.
 */
@Component
public class PreferenceIntake {

    private static final Logger LOG = LoggerFactory.getLogger(PreferenceIntake.class);

    private final JobRepository jobs;
    private final JobPlans plans;
    private final PromptResultRepository results;
    private final JobOrchestrator orchestrator;
    private final TrainerMetrics metrics;
    private final JobKinds kinds;

    public PreferenceIntake(JobRepository jobs, JobPlans plans, PromptResultRepository results,
            JobOrchestrator orchestrator, TrainerMetrics metrics, JobKinds kinds) {
        this.jobs = jobs;
        this.plans = plans;
        this.results = results;
        this.orchestrator = orchestrator;
        this.metrics = metrics;
        this.kinds = kinds;
    }

    public void accept(byte[] payload) {
        ScoredPrompt scored = MessageCodec.decode(payload, ScoredPrompt.class);
        GenerationRequest request = scored.responses().request();
        Optional<Job> job = jobs.find(request.jobId());
        String ignored = reasonToIgnore(job, request);
        if (ignored != null) {
            metrics.preference("ignored_" + ignored);
            LOG.info("ignored scored prompt {} of job {} iteration {}: {}", request.promptId(), request.jobId(),
                    request.iteration(), ignored.replace('_', ' '));
            return;
        }
        Optional<JobKind> kind = kinds.of(job.get().config());
        if (kind.isPresent()) {
            kind.get().accept(scored, job.get());
            return;
        }
        JobPlan plan = plans.plan(job.get());
        int t = request.iteration();
        requireJobPrompt(plans.prompts(job.get()), plan, scored);
        ScoredPrompts.outcome(scored);
        boolean stored = results.insert(request.jobId(), t, request.promptId(),
                new String(MessageCodec.encode(scored), StandardCharsets.UTF_8));
        metrics.preference(stored ? "stored" : "duplicate");
        if (results.count(request.jobId(), t) >= plan.config().promptsPerIteration()) {
            orchestrator.generationComplete(request.jobId(), t);
        }
    }

    private static String reasonToIgnore(Optional<Job> job, GenerationRequest request) {
        if (job.isEmpty()) {
            return "unknown_job";
        }
        Job j = job.get();
        if (j.state().isTerminal()) {
            return "job_" + j.state().name().toLowerCase(Locale.ROOT);
        }
        return j.isRunningIn(request.iteration(), Phase.GENERATE) ? null : "not_generating";
    }

    private static void requireJobPrompt(JobPrompts prompts, JobPlan plan, ScoredPrompt scored) {
        GenerationRequest request = scored.responses().request();
        prompts.prompt(request.iteration(), request.promptId())
                .filter(p -> p.text().equals(request.prompt()))
                .orElseThrow(() -> new InvalidMessageException("ScoredPrompt.responses.request.promptId: '"
                        + request.promptId() + "' with text '" + request.prompt() + "' is not a prompt of job "
                        + request.jobId() + " iteration " + request.iteration()));
        ScoredPrompts.requireK(scored, plan.config().sampling().numSamples());
    }
}
