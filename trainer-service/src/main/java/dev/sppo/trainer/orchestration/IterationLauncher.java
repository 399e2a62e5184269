package dev.sppo.trainer.orchestration;

import dev.sppo.contracts.ContractVersion;
import dev.sppo.contracts.GenerationRequest;
import dev.sppo.contracts.PreferenceSpec;
import dev.sppo.contracts.SamplingSpec;
import dev.sppo.sampling.SamplingParams;
import dev.sppo.source.RunPrompt;
import dev.sppo.trainer.checkpoint.Checkpoint;
import dev.sppo.trainer.checkpoint.CheckpointRepository;
import dev.sppo.trainer.config.JobPlan;
import dev.sppo.trainer.config.JobPlans;
import dev.sppo.trainer.job.Job;
import dev.sppo.trainer.job.PromptResultRepository;
import dev.sppo.trainer.messaging.MessagePublisher;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Starts iteration t's generate phase: one {@link GenerationRequest} per prompt of its slice, for π_t's
 * checkpoint, sampled with seed·1000 + t and scored by the job's preference model.
 */
@Component
public class IterationLauncher {

    private static final Logger LOG = LoggerFactory.getLogger(IterationLauncher.class);

    private final JobGuard guard;
    private final JobPlans plans;
    private final CheckpointRepository checkpoints;
    private final JobTransitions transitions;
    private final PromptResultRepository results;
    private final MessagePublisher publisher;

    public IterationLauncher(JobGuard guard, JobPlans plans, CheckpointRepository checkpoints,
            JobTransitions transitions, PromptResultRepository results, MessagePublisher publisher) {
        this.guard = guard;
        this.plans = plans;
        this.checkpoints = checkpoints;
        this.transitions = transitions;
        this.results = results;
        this.publisher = publisher;
    }

    public void begin(String jobId, JobPlan plan, int t, Checkpoint policy) {
        transitions.beginIteration(jobId, t, plan.config().promptsPerIteration());
        publish(jobId, plan, t, policy, plans.prompts(guard.active(jobId)).batch(t));
    }

    /**
     * Publishes again, for π_t, the requests of an active job's iteration t whose prompts have no stored result
     * (generation is idempotent by key, so a request answered meanwhile only yields a duplicate that is ignored).
     *
     * @return how many were published; 0 means the iteration's results are complete
     */
    public int republishMissing(String jobId, int t) {
        Job job = guard.active(jobId);
        Checkpoint policy = checkpoints.require(jobId, t);
        Set<String> done = results.promptIds(jobId, t);
        List<RunPrompt> missing = plans.prompts(job).batch(t).stream().filter(p -> !done.contains(p.id())).toList();
        publish(jobId, plans.plan(job), t, policy, missing);
        return missing.size();
    }

    /**
     * One request per prompt for iteration (or round) t, to be answered by {@code policy}: the prompt's text for the
     * judges and its rendered ids for the policy.
     */
    public void publish(String jobId, JobPlan plan, int t, Checkpoint policy, List<RunPrompt> prompts) {
        SamplingParams s = plan.config().sampling();
        SamplingSpec sampling = new SamplingSpec(s.numSamples(), s.temperature(), s.topP(), s.topK(), s.maxNewTokens(),
                plan.samplingSeed(t));
        PreferenceSpec preference = plan.preference();
        for (RunPrompt prompt : prompts) {
            publisher.request(new GenerationRequest(ContractVersion.CURRENT, jobId, t, prompt.id(), prompt.text(),
                    policy.id(), policy.uri().toString(), policy.policyVersion(), sampling, preference,
                    Arrays.stream(prompt.ids()).boxed().toList(), policy.manifestSha256(),
                    policy.contractBase()));
        }
        LOG.info("job {}: iteration {}: published {} generation requests for {}", jobId, t, prompts.size(),
                policy.id());
    }
}
