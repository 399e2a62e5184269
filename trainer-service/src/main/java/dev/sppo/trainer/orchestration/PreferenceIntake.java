package dev.sppo.trainer.orchestration;

import dev.sppo.contracts.GenerationRequest;
import dev.sppo.contracts.InvalidMessageException;
import dev.sppo.contracts.MessageCodec;
import dev.sppo.contracts.ScoredPrompt;
import dev.sppo.contracts.Topics;
import dev.sppo.service.topics.PolledRecord;
import dev.sppo.trainer.config.JobPlan;
import dev.sppo.trainer.config.JobPlans;
import dev.sppo.trainer.config.JobPrompts;
import dev.sppo.trainer.job.Job;
import dev.sppo.trainer.job.JobRepository;
import dev.sppo.trainer.job.Phase;
import dev.sppo.trainer.job.PromptResult;
import dev.sppo.trainer.job.PromptResultRepository;
import dev.sppo.trainer.messaging.MessagePublisher;
import dev.sppo.trainer.messaging.ScoredPrompts;
import dev.sppo.trainer.metrics.TrainerMetrics;

import org.apache.kafka.clients.producer.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * Receives the {@link ScoredPrompt}s of each poll of {@code sppo.preferences}. A record that breaks its contract,
 * names a prompt that is not one of its iteration's, or cannot be handled for any other reason but a lost database
 * is parked on {@code sppo.preferences.dlt} with the reason. A message for an unknown or finished job, or for an
 * iteration that is no longer generating, is ignored and counted. A message of a job of another {@link JobKind} (a
 * continuous job) goes to that kind. The rest of the poll is stored in one statement, once per (job, iteration,
 * prompt), so duplicates and redeliveries never count twice; then each iteration whose count is complete starts its
 * training. A lost database throws, and the whole poll is delivered again.
 */
@Component
public class PreferenceIntake {

    private static final Logger LOG = LoggerFactory.getLogger(PreferenceIntake.class);

    /** A result to store, and how many its iteration needs. */
    private record Admitted(PromptResult result, int promptsPerIteration) {}

    private final JobRepository jobs;
    private final JobPlans plans;
    private final PromptResultRepository results;
    private final JobOrchestrator orchestrator;
    private final TrainerMetrics metrics;
    private final JobKinds kinds;
    private final MessagePublisher publisher;

    public PreferenceIntake(JobRepository jobs, JobPlans plans, PromptResultRepository results,
            JobOrchestrator orchestrator, TrainerMetrics metrics, JobKinds kinds, MessagePublisher publisher) {
        this.jobs = jobs;
        this.plans = plans;
        this.results = results;
        this.orchestrator = orchestrator;
        this.metrics = metrics;
        this.kinds = kinds;
        this.publisher = publisher;
    }

    /** Handles one poll; returns once its results are stored and its dead letters on the broker. */
    public void accept(List<PolledRecord> polled) throws InterruptedException, ExecutionException {
        Map<String, Optional<Job>> jobsOfPoll = new HashMap<>();
        List<Admitted> admitted = new ArrayList<>();
        List<Future<RecordMetadata>> parked = new ArrayList<>();
        for (PolledRecord record : polled) {
            try {
                admit(record.payload(), jobsOfPoll).ifPresent(admitted::add);
            } catch (RuntimeException e) {
                if (TransientFailures.isTransient(e)) {
                    throw e;
                }
                parked.add(publisher.deadLetter(Topics.PREFERENCES, record, e));
            }
        }
        store(admitted);
        for (Future<RecordMetadata> future : parked) {
            future.get();
        }
    }

    /** The record's result to store, or none when it is ignored or belongs to another kind of job. */
    private Optional<Admitted> admit(byte[] payload, Map<String, Optional<Job>> jobsOfPoll) {
        ScoredPrompt scored = MessageCodec.decode(payload, ScoredPrompt.class);
        GenerationRequest request = scored.responses().request();
        Optional<Job> job = jobsOfPoll.computeIfAbsent(request.jobId(), jobs::find);
        String ignored = reasonToIgnore(job, request);
        if (ignored != null) {
            metrics.preference("ignored_" + ignored);
            LOG.info("ignored scored prompt {} of job {} iteration {}: {}", request.promptId(), request.jobId(),
                    request.iteration(), ignored.replace('_', ' '));
            return Optional.empty();
        }
        Optional<JobKind> kind = kinds.of(job.get().config());
        if (kind.isPresent()) {
            kind.get().accept(scored, job.get());
            return Optional.empty();
        }
        JobPlan plan = plans.plan(job.get());
        requireJobPrompt(plans.prompts(job.get()), plan, scored);
        ScoredPrompts.outcome(scored);
        return Optional.of(new Admitted(new PromptResult(request.jobId(), request.iteration(), request.promptId(),
                new String(MessageCodec.encode(scored), StandardCharsets.UTF_8)), plan.config().promptsPerIteration()));
    }

    private void store(List<Admitted> admitted) {
        if (admitted.isEmpty()) {
            return;
        }
        Set<String> stored = results.insertAll(admitted.stream().map(Admitted::result).toList());
        Map<String, Admitted> iterations = new LinkedHashMap<>();
        for (Admitted a : admitted) {
            metrics.preference(stored.remove(a.result().key()) ? "stored" : "duplicate");
            iterations.putIfAbsent(a.result().jobId() + '\u0000' + a.result().iteration(), a);
        }
        for (Admitted a : iterations.values()) {
            PromptResult r = a.result();
            if (results.count(r.jobId(), r.iteration()) >= a.promptsPerIteration()) {
                orchestrator.generationComplete(r.jobId(), r.iteration());
            }
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
