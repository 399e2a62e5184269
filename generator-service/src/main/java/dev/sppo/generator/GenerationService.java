package dev.sppo.generator;

import dev.sppo.contracts.ContractVersion;
import dev.sppo.contracts.GenerationRequest;
import dev.sppo.contracts.InvalidMessageException;
import dev.sppo.contracts.SampledResponses;
import dev.sppo.contracts.SamplingSpec;
import dev.sppo.model.Policy;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

import java.util.ArrayList;
import java.util.List;

/**
 * Answers generation requests from Kafka and from REST with the cached policies. Metrics:
 * {@code sppo.generator.requests} (tag {@code source}: kafka or rest), {@code sppo.generator.tokens} and the
 * histogram {@code sppo.generator.batch.size} (prompts per sampling call of Kafka requests).
 */
@Service
class GenerationService {

    /** Where the replies to a group of requests go, each as soon as its sampling call is done. */
    interface GroupReplies {

        void answered(GenerationRequest request, SampledResponses responses);

        /** The request cannot be answered by this policy (its prompt ids lie outside the vocabulary). */
        void refused(GenerationRequest request, InvalidMessageException reason);
    }

    private final CheckpointCache cache;
    private final MeterRegistry registry;
    private final BatchingProperties batching;
    private final Counter tokens;
    private final DistributionSummary batchSize;
    private final String instanceId;

    GenerationService(CheckpointCache cache, MeterRegistry registry, GeneratorProperties properties,
            BatchingProperties batching, @Value("${server.port:0}") int serverPort) {
        this.cache = cache;
        this.registry = registry;
        this.batching = batching;
        this.tokens = Counter.builder("sppo.generator.tokens").description("response tokens generated")
                .register(registry);
        this.batchSize = DistributionSummary.builder("sppo.generator.batch.size").baseUnit("prompts")
                .description("prompts sampled together in one call (Kafka requests)").publishPercentileHistogram()
                .register(registry);
        this.instanceId = InstanceId.resolve(properties.instanceId(), InstanceId.hostname(), serverPort);
    }

    /**
     * Answers requests that share the checkpoint {@code ref} (resolved through the pins) and their sampling settings
     * but for the seed, as the messages the preference-service consumes: sampled together in calls within the
     * {@link BatchingProperties} bounds, each request with its own seed, so that its responses are those it would
     * get alone.
     */
    void answerGroup(CheckpointRef ref, List<GenerationRequest> requests, GroupReplies replies) {
        cache.withPolicy(ref, policy -> {
            List<GenerationRequest> valid = new ArrayList<>();
            List<int[]> prompts = new ArrayList<>();
            for (GenerationRequest request : requests) {
                try {
                    prompts.add(PromptInput.of(request).idsFor(policy));
                    valid.add(request);
                } catch (InvalidMessageException e) {
                    replies.refused(request, e);
                }
            }
            SamplingSpec spec = requests.get(0).sampling();
            for (List<Integer> chunk : SamplingChunks.of(prompts.stream().map(p -> p.length).toList(), spec.k(),
                    spec.maxNewTokens(), batching)) {
                answerChunk(policy, ref, chunk.stream().map(valid::get).toList(),
                        chunk.stream().map(prompts::get).toList(), replies);
            }
            return null;
        });
    }

    private void answerChunk(Policy policy, CheckpointRef ref, List<GenerationRequest> requests, List<int[]> prompts,
            GroupReplies replies) {
        List<Long> seeds = requests.stream().map(r -> r.sampling().seed()).toList();
        List<Generation> generations = ResponseSampler.sampleSeeded(policy, prompts, seeds, requests.get(0).sampling());
        batchSize.record(requests.size());
        for (int i = 0; i < requests.size(); i++) {
            Generation generation = generations.get(i);
            count(generation, "kafka");
            replies.answered(requests.get(i), new SampledResponses(ContractVersion.CURRENT, requests.get(i),
                    generation.promptIds(), generation.responses(), instanceId, ref.policyVersion()));
        }
    }

    /** Samples K responses to {@code prompt} from the checkpoint {@code ref}. */
    Generation generate(CheckpointRef ref, PromptInput prompt, SamplingSpec sampling, String source) {
        Generation generation = cache.withPolicy(ref, policy -> ResponseSampler.sample(policy, prompt, sampling));
        count(generation, source);
        return generation;
    }

    private void count(Generation generation, String source) {
        registry.counter("sppo.generator.requests", "source", source).increment();
        tokens.increment(generation.tokenCount());
    }
}
