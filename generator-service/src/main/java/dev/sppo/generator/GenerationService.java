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
 * {@code sppo.generator.requests} (tag {@code source}: kafka or rest), {@code sppo.generator.tokens}, the
 * histogram {@code sppo.generator.batch.size} (requests per sampling call of Kafka requests) and the counter
 * {@code sppo.generator.batch.fillers} (filler prompts those calls sampled, see {@link SamplingChunks}).
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
    private final Counter fillers;
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
        this.fillers = Counter.builder("sppo.generator.batch.fillers").baseUnit("prompts")
                .description("filler prompts sampled to keep every call's shape fixed (their samples are dropped)")
                .register(registry);
        this.instanceId = InstanceId.resolve(properties.instanceId(), InstanceId.hostname(), serverPort);
    }

    /**
     * Answers requests that share the checkpoint {@code ref} (resolved through the pins) and their sampling settings
     * but for the seed, as the messages the preference-service consumes: sampled together in calls of a fixed shape
     * ({@link SamplingChunks}) within the {@link BatchingProperties} bounds, each request with its own seed, so that
     * its responses and log-probs are the same bits whichever requests it is batched with, or none.
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
            for (SamplingChunks.Call call : SamplingChunks.of(prompts.stream().map(p -> p.length).toList(), spec.k(),
                    spec.maxNewTokens(), batching)) {
                answerCall(policy, ref, call.indices().stream().map(valid::get).toList(),
                        call.indices().stream().map(prompts::get).toList(), call.size(), replies);
            }
            return null;
        });
    }

    /** Samples {@code size} prompts, the given ones topped up with copies of the first (seed 0), and answers. */
    private void answerCall(Policy policy, CheckpointRef ref, List<GenerationRequest> requests, List<int[]> given,
            int size, GroupReplies replies) {
        List<int[]> prompts = new ArrayList<>(given);
        List<Long> seeds = new ArrayList<>(requests.stream().map(r -> r.sampling().seed()).toList());
        while (prompts.size() < size) {
            prompts.add(given.get(0));
            seeds.add(0L);
        }
        List<Generation> generations = ResponseSampler.sampleSeeded(policy, prompts, seeds, requests.get(0).sampling());
        batchSize.record(requests.size());
        fillers.increment(size - requests.size());
        for (int i = 0; i < requests.size(); i++) {
            Generation generation = generations.get(i);
            count(generation, "kafka");
            replies.answered(requests.get(i), new SampledResponses(ContractVersion.CURRENT, requests.get(i),
                    generation.promptIds(), generation.responses(), instanceId, ref.policyVersion()));
        }
    }

    /** This replica's name, as its replies carry it ({@code SampledResponses.generator}). */
    String instanceId() {
        return instanceId;
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
