package dev.sppo.generator;

import dev.sppo.contracts.GenerationRequest;
import dev.sppo.contracts.GeneratedResponse;
import dev.sppo.contracts.InvalidMessageException;
import dev.sppo.contracts.MessageCodec;
import dev.sppo.contracts.SampledResponses;
import dev.sppo.contracts.SamplingSpec;
import dev.sppo.contracts.Topics;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cloud.stream.binding.BindingsLifecycleController;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

/**
 * Batching against the real broker: a backlog of requests is taken at most {@link #MAX_REQUESTS} a poll and sampled
 * at most {@link #MAX_SEQUENCES} rows a call, every request answered once, by the version it names, with the very
 * bits it gets alone in a poll.
 */
class BatchingTest extends GeneratorContextTest {

    private static final String BINDING = "generate-in-0";


    @Autowired
    BindingsLifecycleController bindings;
    @Autowired
    CheckpointCache cache;
    @Autowired
    GenerationService service;
    @Autowired
    MeterRegistry registry;

    @Test
    void aBacklogIsAnsweredInBoundedBatchesWithTheBitsEachRequestGetsAloneInItsPoll() throws Exception {
        List<GenerationRequest> requests = IntStream.range(0, 24).mapToObj(i -> seeded(
                request("job-batch", "ckpt-0", 0, "p-batch-" + i, i + "+" + (i * 37) + "="), 100 + i % 5)).toList();
        double callsBefore = batchSize().count();
        double promptsBefore = batchSize().totalAmount();

        Map<String, SampledResponses> answers = answersTo(requests);

        assertThat(batchSize().totalAmount() - promptsBefore).isEqualTo(24);
        assertThat(batchSize().count() - callsBefore).as("sampling calls").isLessThan(24);
        assertThat(batchSize().max()).isLessThanOrEqualTo(MAX_SEQUENCES / 4);
        assertThat(registry.get("sppo.generator.poll.size").summary().max()).isEqualTo(MAX_REQUESTS);
        for (GenerationRequest request : requests) {
            List<GeneratedResponse> alone = aloneInAPoll(request).responses();
            List<GeneratedResponse> batched = answers.get(request.promptId()).responses();
            assertThat(batched).as(request.promptId()).isEqualTo(alone);
        }
    }

    @Test
    void aRequestAloneGetsItsLoneSamplingUpToFloatRounding() {
        GenerationRequest request = seeded(request("job-batch", "ckpt-0", 0, "p-lone", "12+30="), 7);

        Generation lone = cache.withPolicy(CheckpointRef.of(request),
                policy -> ResponseSampler.sample(policy, PromptInput.of(request), request.sampling()));
        List<GeneratedResponse> inAPoll = aloneInAPoll(request).responses();

        for (int k = 0; k < inAPoll.size(); k++) {
            assertThat(inAPoll.get(k).tokenIds()).isEqualTo(lone.responses().get(k).tokenIds());
            assertThat(inAPoll.get(k).referenceLogprob())
                    .isCloseTo(lone.responses().get(k).referenceLogprob(), offset(1e-4));
        }
    }

    @Test
    void interleavedVersionsAreEachAnsweredOnceByTheVersionTheyName() throws Exception {
        List<GenerationRequest> requests = IntStream.range(0, 10).mapToObj(i -> request("job-versions",
                "versions-" + i % 2, i % 2, "p-versions-" + i, "7+" + i + "=")).toList();

        Map<String, SampledResponses> answers = answersTo(requests);

        for (GenerationRequest request : requests) {
            assertThat(answers.get(request.promptId()).servedVersion()).isEqualTo(request.policyVersion());
            assertThat(answers.get(request.promptId()).request()).isEqualTo(request);
        }
    }

    /**
     * Queues the requests while the generator does not poll, then lets it go and collects one answer per request,
     * failing if any request is answered twice.
     */
    private Map<String, SampledResponses> answersTo(List<GenerationRequest> requests) throws InterruptedException {
        bindings.pause(BINDING);
        Thread.sleep(1000);
        requests.forEach(r -> probe().sendUnflushed(Topics.GENERATION_REQUESTS, r.promptId(), MessageCodec.encode(r)));
        probe().flush();
        bindings.resume(BINDING);
        List<String> ids = requests.stream().map(GenerationRequest::promptId).toList();
        List<ConsumerRecord<String, byte[]>> records = probe().awaitRecords(Topics.RESPONSES,
                all -> BrokerProbe.keys(all).containsAll(ids));
        List<ConsumerRecord<String, byte[]>> ours = records.stream().filter(r -> ids.contains(r.key())).toList();
        assertThat(BrokerProbe.keys(ours)).doesNotHaveDuplicates();
        return ours.stream().collect(Collectors.toMap(ConsumerRecord::key,
                r -> MessageCodec.decode(r.value(), SampledResponses.class), (a, b) -> a));
    }

    /** The reply the generator gives a request that comes alone in its poll. */
    private SampledResponses aloneInAPoll(GenerationRequest request) {
        List<SampledResponses> replies = new ArrayList<>();
        service.answerGroup(CheckpointRef.of(request), List.of(request), new GenerationService.GroupReplies() {
            @Override
            public void answered(GenerationRequest answered, SampledResponses responses) {
                replies.add(responses);
            }

            @Override
            public void refused(GenerationRequest refused, InvalidMessageException reason) {
                throw reason;
            }
        });
        return replies.get(0);
    }

    private DistributionSummary batchSize() {
        return registry.get("sppo.generator.batch.size").summary();
    }

    private static GenerationRequest seeded(GenerationRequest request, long seed) {
        SamplingSpec s = request.sampling();
        return new GenerationRequest(request.version(), request.jobId(), request.iteration(), request.promptId(),
                request.prompt(), request.checkpointId(), request.checkpointUri(), request.policyVersion(),
                new SamplingSpec(s.k(), s.temperature(), s.topP(), s.topK(), s.maxNewTokens(), seed),
                request.preference());
    }
}
