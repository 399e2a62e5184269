package dev.sppo.trainer.orchestration;

import ai.djl.ndarray.NDManager;
import dev.sppo.contracts.MessageCodec;
import dev.sppo.contracts.ScoredPrompt;
import dev.sppo.loop.PolicyWeights;
import dev.sppo.model.Policy;
import dev.sppo.source.RunPrompt;
import dev.sppo.trainer.checkpoint.Checkpoint;
import dev.sppo.trainer.checkpoint.CheckpointPolicies;
import dev.sppo.trainer.config.JobPlan;
import dev.sppo.trainer.job.IterationRepository;
import dev.sppo.trainer.job.PromptResultRepository;
import dev.sppo.trainer.job.TrainingRowRepository;
import dev.sppo.trainer.messaging.ScoredPrompts;
import dev.sppo.trainer.metrics.TrainerMetrics;
import dev.sppo.training.PolicyUpdate;
import dev.sppo.training.PromptOutcome;
import dev.sppo.training.TrainingData;

import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The train phase of iteration t, the {@link PolicyUpdate} that {@code SppoLoop} runs: π_{t+1} is π_t trained on
 * the iteration's stored results, with π_t's log-probs as the frozen reference and seed + t as the shuffling
 * seed. For the default {@code sppo} loss it minimises, over each prompt's winner and loser y,
 *
 * <pre>  ( log π_θ(y|x) - log π_t(y|x) - η (P̂(y) - 1/2) )²,   η = 1/β</pre>
 *
 * where log π_t(y|x) is {@code ScoredResponse.reference} and P̂(y) is {@code ScoredResponse.winRate} (the other
 * losses are in {@code dev.sppo.loss}). π_t and π_{t+1} are held, trained and saved as {@code ./sppo train} holds
 * them ({@link PolicyWeights}: every parameter, or a LoRA adapter); π_{t+1} is moved into the store and recorded with
 * its digest, its parent and, for an adapter, its base.
 */
@Component
public class IterationTrainer {

    private final JobGuard guard;
    private final CheckpointPolicies policies;
    private final IterationRepository iterations;
    private final PromptResultRepository results;
    private final TrainingRowRepository trainingRows;
    private final TrainerMetrics metrics;

    public IterationTrainer(JobGuard guard, CheckpointPolicies policies, IterationRepository iterations,
            PromptResultRepository results, TrainingRowRepository trainingRows, TrainerMetrics metrics) {
        this.guard = guard;
        this.policies = policies;
        this.iterations = iterations;
        this.results = results;
        this.trainingRows = trainingRows;
        this.metrics = metrics;
    }

    /**
     * Trains version t + 1 from {@code parent} on the stored results of {@code prompts} (iteration t's slice, or a
     * continuous round's answered prompts).
     *
     * @throws NoPreferenceSignalException when every prompt's responses were equally preferred
     */
    public Checkpoint train(String jobId, JobPlan plan, int t, Checkpoint parent, List<RunPrompt> prompts)
            throws Exception {
        long began = System.nanoTime();
        PolicyUpdate update = new PolicyUpdate(plan.config().training(), plan.config().reference());
        TrainingData data = update.select(outcomes(jobId, prompts, t));
        trainingRows.record(jobId, t, data.responsesPerPrompt());
        if (data.rows().isEmpty()) {
            throw new NoPreferenceSignalException(data.responsesPerPrompt().size());
        }
        PolicyWeights weights = plan.weights();
        try (NDManager manager = NDManager.newBaseManager();
                Policy policy = policies.trainable(weights, parent, t, manager)) {
            PolicyUpdate.Result result = update.train(policy, data, t, step -> {
                metrics.trainStep(step.nanos());
                guard.check(jobId);
            });
            iterations.addMetrics(jobId, t,
                    IterationMetrics.training(result.summary(), data, IterationMetrics.secondsSince(began)));
            return policies.save(weights, policy, parent, t, plan.config().runDir().resolve("checkpoint-v" + (t + 1)),
                    Map.of("sppo.job", jobId, "sppo.iteration", Integer.toString(t + 1),
                            "sppo.loss", plan.config().training().loss().id()));
        }
    }

    /** The stored outcomes of iteration t's {@code prompts}, in their order. */
    private List<PromptOutcome> outcomes(String jobId, List<RunPrompt> prompts, int t) {
        Map<String, String> payloads = results.payloads(jobId, t);
        List<PromptOutcome> outcomes = new ArrayList<>(prompts.size());
        for (RunPrompt prompt : prompts) {
            String payload = payloads.get(prompt.id());
            if (payload == null) {
                throw new IllegalStateException("iteration " + t + ": no stored result for prompt " + prompt.id());
            }
            outcomes.add(ScoredPrompts.outcome(MessageCodec.decode(payload.getBytes(StandardCharsets.UTF_8),
                    ScoredPrompt.class)));
        }
        return outcomes;
    }
}
