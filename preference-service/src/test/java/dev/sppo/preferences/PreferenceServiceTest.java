package dev.sppo.preferences;

import dev.sppo.contracts.GeneratedResponse;
import dev.sppo.contracts.GenerationRequest;
import dev.sppo.contracts.MessageCodec;
import dev.sppo.contracts.PreferenceSpec;
import dev.sppo.contracts.SampledResponses;
import dev.sppo.contracts.SamplingSpec;
import dev.sppo.contracts.ScoredPrompt;
import dev.sppo.contracts.Topics;
import dev.sppo.judge.FakeChatServer;
import dev.sppo.task.Task;
import dev.sppo.task.Tasks;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.utils.KafkaTestUtils;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;
import static org.awaitility.Awaitility.await;

/** The preference-service against a real KRaft broker: responses in, scored prompt out, dead letters. */
class PreferenceServiceTest extends PreferenceContextTest {

    private static final List<String> ANSWERS = List.of("42", "41", "7", "x");

    @Autowired
    EmbeddedKafkaBroker kafka;
    @Autowired
    MeterRegistry registry;

    @Test
    void responsesYieldAScoredPromptWithAConsistentMatrix() {
        SampledResponses message = responses("p-1", new PreferenceSpec("gold_judge", "addition", 0.1), ANSWERS);

        send(Topics.RESPONSES, "p-1", MessageCodec.encode(message));
        ConsumerRecord<String, byte[]> record = awaitRecords(Topics.PREFERENCES, List.of("p-1")).get(0);

        ScoredPrompt scored = MessageCodec.decode(record.value(), ScoredPrompt.class);
        assertThat(scored.responses()).isEqualTo(message);
        List<List<Double>> p = scored.matrix();
        for (int i = 0; i < 4; i++) {
            assertThat(p.get(i).get(i)).isEqualTo(0.5);
            for (int j = 0; j < 4; j++) {
                assertThat(p.get(i).get(j) + p.get(j).get(i)).isCloseTo(1.0, offset(1e-12));
            }
            double rowMean = p.get(i).stream().mapToDouble(Double::doubleValue).average().orElseThrow();
            assertThat(scored.winRates().get(i)).isCloseTo(rowMean, offset(1e-12));
        }
        // "42" is gold (score 1), "41" gets the tens right (score 1/2): P = sigmoid((1 - 1/2) / 0.1) = sigmoid(5).
        assertThat(p.get(0).get(1)).isCloseTo(1 / (1 + Math.exp(-5)), offset(1e-12));
        Task addition = Tasks.byName("addition");
        List<Double> gold = ANSWERS.stream().map(a -> addition.score(addition.parse("12+30="), a)).toList();
        assertThat(gold.get(scored.winner())).isEqualTo(gold.stream().mapToDouble(Double::doubleValue).max().orElseThrow());
        assertThat(scored.winner()).isEqualTo(0);
        assertThat(scored.loser()).isEqualTo(2);
    }

    @Test
    void malformedAndUnscorableMessagesAreDeadLetteredWithTheReasonAndLaterOnesStillFlow() {
        byte[] garbage = "[1, 2".getBytes(StandardCharsets.UTF_8);
        byte[] unknownJudge = MessageCodec.encode(responses("p-nobody", llmJudge("nobody"), ANSWERS));
        byte[] judgeDown = MessageCodec.encode(responses("p-down", llmJudge("down"), ANSWERS));
        byte[] impossibleTask = MessageCodec.encode(responses("p-12-digits", new PreferenceSpec("gold_judge",
                "addition", Map.of("max_digits", 12), 0.1, null, null, null), ANSWERS));

        send(Topics.RESPONSES, "p-garbage", garbage);
        send(Topics.RESPONSES, "p-nobody", unknownJudge);
        send(Topics.RESPONSES, "p-down", judgeDown);
        send(Topics.RESPONSES, "p-12-digits", impossibleTask);
        send(Topics.RESPONSES, "p-after", MessageCodec.encode(responses("p-after",
                new PreferenceSpec("gold_judge", "addition", 0.1), ANSWERS)));

        List<ConsumerRecord<String, byte[]>> dead = awaitRecords(Topics.deadLetter(Topics.RESPONSES),
                List.of("p-garbage", "p-nobody", "p-down", "p-12-digits"));
        assertThat(dead).extracting(ConsumerRecord::value).contains(garbage, unknownJudge, judgeDown, impossibleTask);
        assertThat(reason(dead, "p-nobody")).contains("preference.judge",
                "no LLM judge named 'nobody' is configured in this preference-service (configured: down, fake, local)");
        assertThat(reason(dead, "p-down")).contains("LLM judge 'down'", "failed after 2 attempt(s)", "CONNECTION_ERROR");
        assertThat(reason(dead, "p-12-digits")).contains("preference.task", "maxDigits 12");
        assertThat(awaitRecords(Topics.PREFERENCES, List.of("p-after"))).hasSize(1);
    }

    @Test
    void anLlmJudgeScoresThePromptThroughItsEndpointWithTheKeyAndMetrics() {
        List<String> answers = List.of("42", "7", "123");
        SampledResponses message = responses("p-llm", llmJudge("fake"), answers);

        send(Topics.RESPONSES, "p-llm", MessageCodec.encode(message));
        ScoredPrompt scored = MessageCodec.decode(awaitRecords(Topics.PREFERENCES, List.of("p-llm")).get(0).value(),
                ScoredPrompt.class);

        // The fake prefers the longer answer: "123" > "42" > "7", asked in both orders.
        assertThat(scored.matrix()).containsExactly(List.of(0.5, 1.0, 0.0), List.of(0.0, 0.5, 0.0),
                List.of(1.0, 1.0, 0.5));
        assertThat(scored.winner()).isEqualTo(2);
        assertThat(scored.loser()).isEqualTo(1);
        assertThat(FAKE_JUDGE.seen()).extracting(FakeChatServer.Seen::authorization).contains("Bearer " + KEY);
        assertThat(registry.get("sppo.judge.calls").tags("judge", "fake", "outcome", "ok").timer().count())
                .isGreaterThanOrEqualTo(6);
    }

    private static PreferenceSpec llmJudge(String name) {
        return new PreferenceSpec("llm_judge", "addition", null, 0, name, null, null);
    }

    private static String reason(List<ConsumerRecord<String, byte[]>> records, String key) {
        ConsumerRecord<String, byte[]> record = records.stream().filter(r -> key.equals(r.key())).findFirst()
                .orElseThrow();
        return new String(record.headers().lastHeader("x-exception-message").value(), StandardCharsets.UTF_8);
    }

    private static SampledResponses responses(String promptId, PreferenceSpec preference, List<String> answers) {
        GenerationRequest request = new GenerationRequest(1, "job-1", 0, promptId, "12+30=", "ckpt-0",
                "file:/store/ckpt-0", 0, new SamplingSpec(answers.size(), 1.0, 1.0, 0, 8, 42L),
                preference);
        List<GeneratedResponse> generated = IntStream.range(0, answers.size())
                .mapToObj(i -> new GeneratedResponse(answers.get(i), List.of(5 + i, 2), -1.0 - i, true)).toList();
        return new SampledResponses(1, request, List.of(1, 5, 6), generated, "gen-a");
    }

    private void send(String topic, String key, byte[] value) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(KafkaTestUtils.producerProps(kafka),
                new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topic, key, value));
        }
    }

    /** The records of {@code topic} with the given keys, read from the beginning until all have arrived. */
    private List<ConsumerRecord<String, byte[]>> awaitRecords(String topic, List<String> keys) {
        List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(
                KafkaTestUtils.consumerProps(kafka, "probe-" + UUID.randomUUID(), false), new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (keys.contains(r.key())) {
                        found.add(r);
                    }
                });
                return found.stream().map(ConsumerRecord::key).distinct().count() == keys.size();
            });
        }
        return found;
    }
}
