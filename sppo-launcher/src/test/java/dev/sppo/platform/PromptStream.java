package dev.sppo.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonParser;
import dev.sppo.contracts.Topics;
import dev.sppo.task.Prompt;
import dev.sppo.task.Split;
import dev.sppo.task.Tasks;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Test side of continuous alignment: creates continuous jobs through the gateway and produces addition prompts
 * to {@code sppo.prompts} as an outside producer would ({@code {id, prompt, metadata}}, keyed by id).
 */
final class PromptStream implements AutoCloseable {

    private static final List<Prompt> PROMPTS = Tasks.byName("addition").prompts(Split.TRAIN, 100);

    private final PlatformHarness harness;
    private final KafkaProducer<String, String> producer;
    private int produced;

    PromptStream(PlatformHarness harness) {
        this.harness = harness;
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, harness.kafka.getBrokersAsString(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class));
    }

    /**
     * A continuous job of rounds of {@code n} prompts (K = 4, a tiny warm start), pausing above {@code maxBehind}
     * rounds behind, with more {@code continuous} settings given as JSON members (the maximum wait is the
     * default 30 s unless they set it).
     */
    String createJob(String name, int n, int maxBehind, String threshold, String more) throws Exception {
        HttpResponse<String> created = harness.call("POST", "/api/jobs", """
                {"name": "%s", "iterations": 1, "prompts_per_iteration": 1,
                 "sampling": {"k": 4, "max_new_tokens": 4},
                 "base": {"warm_start": {"hidden_size": 32, "layers": 1, "heads": 2, "demonstrations": 500,
                                         "epochs": 4, "learning_rate": 0.02}},
                 "training": {"epochs": 1, "batch_size": 4},
                 "evaluation": {"prompts": 8, "samples_per_prompt": 1},
                 "continuous": {"round_prompts": %d, "max_rounds_behind": %d, "promotion_threshold": %s, %s}}
                """.formatted(name, n, maxBehind, threshold, more), PlatformHarness.API_KEY);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(JsonParser.parseString(created.body()).getAsJsonObject().get("kind").getAsString())
                .isEqualTo("continuous");
        return JsonParser.parseString(created.body()).getAsJsonObject().get("id").getAsString();
    }

    /** Produces the next {@code count} task prompts; returns their ids. */
    List<String> produce(int count) throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Prompt prompt = PROMPTS.get(produced++);
            String id = "p-" + produced;
            send(id, json(id, prompt));
            ids.add(id);
        }
        producer.flush();
        return ids;
    }

    /** Produces again the record of an earlier prompt: a duplicate. */
    void repeat(String id) throws Exception {
        send(id, json(id, PROMPTS.get(Integer.parseInt(id.substring(2)) - 1)));
    }

    void send(String key, String json) throws Exception {
        producer.send(new ProducerRecord<>(Topics.PROMPTS, key, json)).get();
    }

    /** Stops a continuous job through the gateway; it ends SUCCEEDED. */
    void stopJob(String id) throws Exception {
        HttpResponse<String> stopped = harness.call("POST", "/api/jobs/" + id + "/stop", null, PlatformHarness.API_KEY);
        assertThat(stopped.statusCode()).as(stopped.body()).isEqualTo(200);
        assertThat(JsonParser.parseString(stopped.body()).getAsJsonObject().get("state").getAsString())
                .isEqualTo("SUCCEEDED");
    }

    /**
     * The records of {@code sppo.prompts.dlt}, key → the reason in their {@code sppo-error} header, read until at
     * least {@code atLeast} are there or 30 s have passed.
     */
    Map<String, String> deadLettered(int atLeast) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, harness.kafka.getBrokersAsString(),
                ConsumerConfig.GROUP_ID_CONFIG, "dlt-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class))) {
            consumer.subscribe(List.of(Topics.deadLetter(Topics.PROMPTS)));
            Map<String, String> reasons = new LinkedHashMap<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (reasons.size() < atLeast && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(record -> reasons.put(record.key(),
                        new String(record.headers().lastHeader("sppo-error").value(), StandardCharsets.UTF_8)));
            }
            return reasons;
        }
    }

    /** {@code SELECT count(*)} of the decided rounds of a job. */
    static String decided(String jobId) {
        return "SELECT count(*) FROM promotions WHERE job_id = '" + jobId + "'";
    }

    private static String json(String id, Prompt prompt) {
        return "{\"id\": \"" + id + "\", \"prompt\": \"" + prompt.text() + "\", \"metadata\": {\"source\": \"it\"}}";
    }

    @Override
    public void close() {
        producer.close();
    }
}
