package dev.sppo.generator;

import dev.sppo.contracts.ContractVersion;
import dev.sppo.contracts.GenerationRequest;
import dev.sppo.contracts.SampledResponses;
import dev.sppo.contracts.SamplingSpec;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Answers generation requests from Kafka and from REST with the cached policies. Metrics:
 * {@code sppo.generator.requests} (tag {@code source}: kafka or rest) and {@code sppo.generator.tokens}.
 */
@Service
class GenerationService {

    private final CheckpointCache cache;
    private final VersionPins pins;
    private final MeterRegistry registry;
    private final Counter tokens;
    private final String instanceId;

    GenerationService(CheckpointCache cache, VersionPins pins, MeterRegistry registry, GeneratorProperties properties,
            @Value("${server.port:0}") int serverPort) {
        this.cache = cache;
        this.pins = pins;
        this.registry = registry;
        this.tokens = Counter.builder("sppo.generator.tokens").description("response tokens generated")
                .register(registry);
        this.instanceId = InstanceId.resolve(properties.instanceId(), InstanceId.hostname(), serverPort);
    }

    /**
     * The K responses to a request from the trainer, as the message the preference-service consumes: sampled from
     * the version the request names, or the job's pinned version, and saying which ({@code servedVersion}).
     */
    SampledResponses answer(GenerationRequest request) {
        CheckpointRef ref = pins.resolve(CheckpointRef.of(request));
        Generation generation = generate(ref, PromptInput.of(request), request.sampling(), "kafka");
        return new SampledResponses(ContractVersion.CURRENT, request, generation.promptIds(), generation.responses(),
                instanceId, ref.policyVersion());
    }

    /** Samples K responses to {@code prompt} from the checkpoint {@code ref}. */
    Generation generate(CheckpointRef ref, PromptInput prompt, SamplingSpec sampling, String source) {
        Generation generation = cache.withPolicy(ref, policy -> ResponseSampler.sample(policy, prompt, sampling));
        registry.counter("sppo.generator.requests", "source", source).increment();
        tokens.increment(generation.tokenCount());
        return generation;
    }
}
