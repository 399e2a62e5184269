package dev.sppo.generator;

import ai.djl.ndarray.NDManager;
import dev.sppo.checkpoint.ModelDirectory;
import dev.sppo.contracts.CheckpointPublished;
import dev.sppo.contracts.GenerationRequest;
import dev.sppo.contracts.MessageCodec;
import dev.sppo.contracts.SampledResponses;
import dev.sppo.contracts.SamplingSpec;
import dev.sppo.contracts.Topics;
import dev.sppo.model.Policy;
import dev.sppo.service.topics.DeadLetters;
import dev.sppo.scoring.SequenceScorer;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;
import static org.awaitility.Awaitility.await;

/**
 * The generator against a real KRaft broker: request in, responses out, dead letters, replicas, hot reload,
 * version pinning.
 */
class GeneratorServiceTest extends GeneratorContextTest {

    private static final Duration TIMEOUT = BrokerProbe.TIMEOUT;


    @Autowired
    CheckpointCache cache;
    @Autowired
    MeterRegistry registry;
    @Autowired
    VersionPins pins;

    @Test
    void requestYieldsKResponsesWhoseReferenceLogprobsMatchTheScorer() throws Exception {
        GenerationRequest request = request("job-1", "ckpt-0", 0, "p-score", "12+30=");

        send(Topics.GENERATION_REQUESTS, request.promptId(), MessageCodec.encode(request));
        ConsumerRecord<String, byte[]> record = awaitRecord(Topics.RESPONSES, "p-score");

        SampledResponses responses = MessageCodec.decode(record.value(), SampledResponses.class);
        assertThat(responses.request()).isEqualTo(request);
        assertThat(responses.generator()).isEqualTo("gen-a");
        assertThat(responses.servedVersion()).isZero();
        assertThat(responses.responses()).hasSize(4);
        try (NDManager manager = NDManager.newBaseManager(); Policy policy = ModelDirectory.load(checkpoint, manager)) {
            assertThat(responses.promptIds()).containsExactlyElementsOf(ids(policy.tokenizer().encodePrompt("12+30=")));
            double[] scored = new SequenceScorer(policy.model(), policy.padId()).score(
                    responses.responses().stream().map(r -> toArray(responses.promptIds())).toList(),
                    responses.responses().stream().map(r -> toArray(r.tokenIds())).toList(), 4);
            for (int k = 0; k < scored.length; k++) {
                assertThat(responses.responses().get(k).referenceLogprob()).isCloseTo(scored[k], offset(1e-4));
                assertThat(responses.responses().get(k).text())
                        .isEqualTo(policy.tokenizer().decode(toArray(responses.responses().get(k).tokenIds())));
            }
        }
    }

    @Test
    void malformedRequestsAreDeadLetteredAndLaterRequestsStillFlow() {
        byte[] garbage = "{not json".getBytes(StandardCharsets.UTF_8);
        byte[] wrongVersion = new String(MessageCodec.encode(request("job-1", "ckpt-0", 0, "p-v2", "1+1=")),
                StandardCharsets.UTF_8).replace("\"version\":1", "\"version\":2").getBytes(StandardCharsets.UTF_8);
        GenerationRequest valid = request("job-1", "ckpt-0", 0, "p-after-bad", "2+2=");

        send(Topics.GENERATION_REQUESTS, "p-garbage", garbage);
        send(Topics.GENERATION_REQUESTS, "p-v2", wrongVersion);
        send(Topics.GENERATION_REQUESTS, valid.promptId(), MessageCodec.encode(valid));

        List<ConsumerRecord<String, byte[]>> dead = awaitRecords(Topics.deadLetter(Topics.GENERATION_REQUESTS),
                records -> keys(records).containsAll(List.of("p-garbage", "p-v2")));
        assertThat(dead).filteredOn(r -> r.key().equals("p-garbage")).first()
                .satisfies(r -> assertThat(r.value()).isEqualTo(garbage));
        assertThat(awaitRecord(Topics.RESPONSES, "p-after-bad").value()).isNotEmpty();
    }

    @Test
    void aRequestWhoseReplyIsTooLargeToSendIsParkedWithTheReasonAndTheConsumerGoesOn() {
        GenerationRequest small = request("job-1", "ckpt-0", 0, "p-big", "5+5=");
        GenerationRequest big = new GenerationRequest(1, small.jobId(), 0, "p-big", small.prompt(),
                small.checkpointId(), small.checkpointUri(), 0, new SamplingSpec(64, 1.0, 1.0, 0, 40, 3L),
                small.preference());
        GenerationRequest after = request("job-1", "ckpt-0", 0, "p-after-big", "6+6=");

        send(Topics.GENERATION_REQUESTS, big.promptId(), MessageCodec.encode(big));
        send(Topics.GENERATION_REQUESTS, after.promptId(), MessageCodec.encode(after));

        ConsumerRecord<String, byte[]> parked = awaitRecords(Topics.deadLetter(Topics.GENERATION_REQUESTS),
                records -> keys(records).contains("p-big")).stream().filter(r -> r.key().equals("p-big"))
                .findFirst().orElseThrow();
        assertThat(parked.value()).isEqualTo(MessageCodec.encode(big));
        assertThat(new String(parked.headers().lastHeader(DeadLetters.REASON_HEADER).value(),
                StandardCharsets.UTF_8)).contains("(k = 64 responses of up to max_new_tokens = 40) is larger than a "
                        + "Kafka producer request may be (max.request.size 4,096 bytes");
        assertThat(awaitRecord(Topics.RESPONSES, "p-after-big").value()).isNotEmpty();
    }

    @Test
    void replicasInOneGroupShareThePromptsOverThePartitions() throws Exception {
        try (ConfigurableApplicationContext second = new SpringApplicationBuilder(GeneratorServiceApplication.class)
                .properties(GeneratorServiceApplication.CONFIG)
                .run("--server.port=0", "--sppo.generator.instance-id=gen-b", "--sppo.service.key=" + SERVICE_KEY,
                        "--logging.level.org.apache.kafka=WARN",
                        "--spring.cloud.stream.kafka.binder.brokers=" + kafka.getBrokersAsString())) {
            awaitGroupMembersWithPartitions("generator", 2);
            List<String> promptIds = IntStream.range(0, 12).mapToObj(i -> "p-share-" + i).toList();
            for (String promptId : promptIds) {
                GenerationRequest request = request("job-1", "ckpt-0", 0, promptId, "3+4=");
                send(Topics.GENERATION_REQUESTS, promptId, MessageCodec.encode(request));
            }

            List<ConsumerRecord<String, byte[]>> records = awaitRecords(Topics.RESPONSES,
                    all -> keys(all).containsAll(promptIds));

            Map<String, Long> byGenerator = records.stream().filter(r -> promptIds.contains(r.key()))
                    .map(r -> MessageCodec.decode(r.value(), SampledResponses.class).generator())
                    .collect(Collectors.groupingBy(g -> g, Collectors.counting()));
            assertThat(byGenerator).containsOnlyKeys("gen-a", "gen-b");
        }
    }

    @Test
    void publishedCheckpointEvictsTheJobsOlderCheckpoint() {
        GenerationRequest request = request("job-hot", "hot-0", 0, "p-hot", "5+6=");
        send(Topics.GENERATION_REQUESTS, request.promptId(), MessageCodec.encode(request));
        awaitRecord(Topics.RESPONSES, "p-hot");
        assertThat(cache.cachedIds()).contains("hot-0");

        CheckpointPublished published = new CheckpointPublished(1, "job-hot", "hot-1", 1,
                checkpoint.toUri().toString(), "sha", 1L, "hot-0", null);
        await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            send(Topics.CHECKPOINTS, published.jobId(), MessageCodec.encode(published));
            assertThat(cache.cachedIds()).contains("hot-1").doesNotContain("hot-0");
        });
        assertThat(registry.get("sppo.generator.checkpoint.loads").tag("checkpoint", "hot-1").counter().count())
                .isEqualTo(1.0);
    }

    @Test
    void aPinnedJobIsAnsweredWithItsPinnedVersionWhicheverTheRequestNamesAndSaysSo() {
        assertThat(served(request("job-pin", "pin-0", 0, "p-pin-0", "1+2="))).isZero();
        pins.pin("job-pin", 0);

        int whilePinned = served(request("job-pin", "pin-1", 1, "p-pin-1", "2+3="));
        pins.unpin("job-pin");
        int afterUnpin = served(request("job-pin", "pin-2", 2, "p-pin-2", "3+4="));

        assertThat(whilePinned).isZero();
        assertThat(afterUnpin).isEqualTo(2);
        assertThat(registry.get("sppo.generator.served.version").tag("job", "job-pin").gauge().value()).isEqualTo(2);
    }

    /** Sends the request and returns the version its answer says it was sampled from. */
    private int served(GenerationRequest request) {
        send(Topics.GENERATION_REQUESTS, request.promptId(), MessageCodec.encode(request));
        ConsumerRecord<String, byte[]> record = awaitRecord(Topics.RESPONSES, request.promptId());
        return MessageCodec.decode(record.value(), SampledResponses.class).servedVersion();
    }

    private void send(String topic, String key, byte[] value) {
        probe().send(topic, key, value);
    }

    private ConsumerRecord<String, byte[]> awaitRecord(String topic, String key) {
        return probe().awaitRecord(topic, key);
    }

    private List<ConsumerRecord<String, byte[]>> awaitRecords(String topic,
            Predicate<List<ConsumerRecord<String, byte[]>>> done) {
        return probe().awaitRecords(topic, done);
    }

    private void awaitGroupMembersWithPartitions(String group, int members) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.getBrokersAsString()))) {
            await().atMost(TIMEOUT).until(() -> {
                ConsumerGroupDescription description = admin.describeConsumerGroups(List.of(group)).all().get()
                        .get(group);
                return description.members().size() == members && description.members().stream()
                        .allMatch(m -> !m.assignment().topicPartitions().isEmpty());
            });
        }
    }

    private static Collection<String> keys(List<ConsumerRecord<String, byte[]>> records) {
        return BrokerProbe.keys(records);
    }

    private static List<Integer> ids(int[] ids) {
        return IntStream.of(ids).boxed().toList();
    }

    private static int[] toArray(List<Integer> ids) {
        return ids.stream().mapToInt(Integer::intValue).toArray();
    }
}
