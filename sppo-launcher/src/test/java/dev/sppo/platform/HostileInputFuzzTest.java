package dev.sppo.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.sppo.contracts.Topics;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Seeded fuzzing of the running platform's inputs, a fixed number of tries each.
 *
 * <p>REST: {@value #TRIES} requests through the gateway: mutated job, generation, preference, preference-model and
 * pin bodies, random bytes as bodies and dataset uploads, wrong content types, and path ids that are not ids.
 * None may get a 5xx or a stack trace; every 4xx must be a JSON problem. A mutant that is still a valid job is
 * cancelled at once.
 *
 * <p>Kafka: {@value #PER_TOPIC} malformed messages on each dead-lettered topic (random bytes, truncated JSON, JSON
 * of another shape, an unknown contract version, an empty payload), each keyed so that it can be found again.
 * Every one must land on its topic's dead-letter topic with a reason header, and the consumers must go on: a job
 * submitted afterwards succeeds.
 */
class HostileInputFuzzTest {

    private static final int TRIES = 1000;
    private static final long SEED = 20261207L;
    private static final int PER_TOPIC = 25;
    private static final List<String> ID_ROUTES = List.of("/api/jobs/%s", "/api/jobs/%s/cancel", "/api/jobs/%s/pause",
            "/api/jobs/%s/continuous", "/api/jobs/%s/samples/%s", "/api/checkpoints/%s", "/api/checkpoints/%s/archive",
            "/api/datasets/%s", "/api/models/%s", "/api/preference-models/%s", "/api/pins/%s");
    private static final List<String> ODD_IDS = List.of("..", "%2e%2e%2f%2e%2e", "x".repeat(3000), "-1",
            "99999999999999999999", "00000000-0000-0000-0000-000000000000", "a b", "%00", "%FF%FE", "null",
            "1e999", "ünï", "%7B%7D", "job;drop");
    private static final List<String> TOPICS = List.of(Topics.GENERATION_REQUESTS, Topics.RESPONSES,
            Topics.PREFERENCES);
    private static final String VALID_SHAPE = "{\"version\":1,\"job_id\":\"fuzz-job\",\"iteration\":0,"
            + "\"prompt_id\":\"p-1\",\"responses\":[{\"text\":\"a\"},{\"text\":\"b\"}]}";

    @TempDir
    static Path checkpoints;

    private static PlatformHarness harness;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final JsonMutator mutator = new JsonMutator(SEED);
    private final List<String> holes = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        harness = new PlatformHarness(checkpoints, 1);
    }

    @AfterAll
    static void stop() throws Exception {
        harness.close();
    }

    @Test
    void aThousandHostileRequestsGetNo5xxAndNoStackTraceOnlyJsonProblems() throws Exception {
        for (int i = 0; i < TRIES; i++) {
            send(i);
        }
        assertThat(holes).as("requests answered with a 5xx, a stack trace or a 4xx that is no JSON problem")
                .isEmpty();
    }

    private void send(int i) throws Exception {
        switch (mutator.nextInt(8)) {
            case 0, 1, 2 -> json("POST", "/api/jobs", mutator.mutate(PlatformHarness.tinyJob("fuzz-" + i)));
            case 3 -> json("POST", "/api/generate", mutator.mutate(
                    "{\"checkpoint_uri\": \"file:///tmp/x\", \"prompt\": \"2+3=\", \"k\": 2, \"max_new_tokens\": 4}"));
            case 4 -> json(List.of("POST /api/preferences", "POST /api/preference-models", "PUT /api/pins/job-1")
                    .get(mutator.nextInt(3)), mutator.mutate(
                    "{\"prompt\": \"x\", \"responses\": [\"a\", \"b\"], \"preference\": {\"kind\": \"gold\"},"
                            + " \"name\": \"m\", \"kind\": \"ranker\", \"data\": \"pairs.jsonl\", \"version\": 1}"));
            case 5 -> raw("POST", "/api/datasets?name=fuzz-" + i, "application/x-ndjson",
                    mutator.nextInt(2) == 0 ? mutator.bytes(1 + mutator.nextInt(4000))
                            : ("{\"prompt\": " + mutator.mutate("{\"a\": \"Explain tides.\"}") + "}\n")
                                    .getBytes(StandardCharsets.UTF_8));
            case 6 -> raw("POST", "/api/jobs", List.of("text/plain", "application/xml", "application/json",
                    "multipart/form-data", "application/json; charset=latin1").get(mutator.nextInt(5)),
                    mutator.bytes(mutator.nextInt(300)));
            default -> {
                String route = ID_ROUTES.get(mutator.nextInt(ID_ROUTES.size()));
                String id = ODD_IDS.get(mutator.nextInt(ODD_IDS.size()));
                String path = route.formatted(id, URLEncoder.encode(id, StandardCharsets.UTF_8));
                raw(route.endsWith("/cancel") || route.endsWith("/pause") ? "POST" : "GET", path, "application/json",
                        new byte[0]);
            }
        }
    }

    private void json(String methodAndPath, String body) throws Exception {
        String[] parts = methodAndPath.split(" ");
        raw(parts[0], parts[1], "application/json", body.getBytes(StandardCharsets.UTF_8));
    }

    private void json(String method, String path, String body) throws Exception {
        raw(method, path, "application/json", body.getBytes(StandardCharsets.UTF_8));
    }

    private void raw(String method, String path, String contentType, byte[] body) throws Exception {
        URI uri;
        try {
            uri = URI.create("http://127.0.0.1:" + harness.platform.gatewayPort() + path);
        } catch (IllegalArgumentException e) {
            return;
        }
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .header("Content-Type", contentType).header("X-API-Key", PlatformHarness.API_KEY)
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        check(method + " " + path, body, response);
        if (response.statusCode() == 201 && path.equals("/api/jobs")) {
            String id = JsonParser.parseString(response.body()).getAsJsonObject().get("id").getAsString();
            harness.call("POST", "/api/jobs/" + id + "/cancel", null, PlatformHarness.API_KEY);
        }
    }

    private void check(String request, byte[] body, HttpResponse<String> response) {
        int status = response.statusCode();
        String text = response.body();
        String problem = null;
        if (status >= 500) {
            problem = "status " + status;
        } else if (text.contains("Exception") || text.contains("\tat ") || text.contains(".java:")) {
            problem = "a stack trace or exception name";
        } else if (status >= 400 && !isJsonProblem(response)) {
            problem = "a 4xx that is no JSON problem";
        }
        if (problem != null) {
            String sent = new String(body, StandardCharsets.UTF_8);
            holes.add(request + " <- " + sent.substring(0, Math.min(200, sent.length())) + " => " + problem + ": "
                    + text.substring(0, Math.min(300, text.length())));
        }
    }

    private static boolean isJsonProblem(HttpResponse<String> response) {
        if (!response.headers().firstValue("Content-Type").orElse("").contains("json")) {
            return false;
        }
        try {
            return JsonParser.parseString(response.body()).getAsJsonObject().has("status");
        } catch (RuntimeException e) {
            return false;
        }
    }


    @Test
    void malformedMessagesOnEveryConsumedTopicAreDeadLetteredWithAReasonAndTheConsumersGoOn() throws Exception {
        JsonMutator payloads = new JsonMutator(SEED + 1);
        Map<String, Set<String>> sent = new HashMap<>();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, harness.kafka.getBrokersAsString(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class))) {
            for (String topic : TOPICS) {
                for (int i = 0; i < PER_TOPIC; i++) {
                    String key = "fuzz-" + topic + "-" + i;
                    producer.send(new ProducerRecord<>(topic, key, malformed(payloads, i))).get();
                    sent.computeIfAbsent(topic, t -> new TreeSet<>()).add(key);
                }
            }
        }

        for (String topic : TOPICS) {
            Map<String, String> reasons = deadLettered(topic, sent.get(topic).size());
            assertThat(reasons.keySet()).as("dead-lettered from " + topic).containsAll(sent.get(topic));
            assertThat(reasons).as("reason headers on " + Topics.deadLetter(topic))
                    .allSatisfy((key, reason) -> assertThat(reason).isNotBlank());
        }
        String created = harness.call("POST", "/api/jobs", PlatformHarness.tinyJob("after-fuzz"),
                PlatformHarness.API_KEY).body();
        String id = JsonParser.parseString(created).getAsJsonObject().get("id").getAsString();
        JsonObject job = harness.awaitTerminal(id, Duration.ofMinutes(5));
        assertThat(job.get("state").getAsString()).as(job.toString()).isEqualTo("SUCCEEDED");
    }

    /** A payload no consumer may accept: each kind in turn, its content seeded. */
    private static byte[] malformed(JsonMutator mutator, int i) {
        String text = switch (i % 5) {
            case 0 -> null;
            case 1 -> VALID_SHAPE.substring(0, 1 + mutator.nextInt(VALID_SHAPE.length() - 1));
            case 2 -> List.of("[]", "42", "\"text\"", "null", "true", "[{\"version\": 1}]").get(mutator.nextInt(6));
            case 3 -> VALID_SHAPE.replace("\"version\":1", "\"version\":" + (2 + mutator.nextInt(1000)));
            default -> "";
        };
        return text == null ? mutator.bytes(1 + mutator.nextInt(2000)) : text.getBytes(StandardCharsets.UTF_8);
    }

    /** The dead-lettered records of {@code topic} by key, with their reason header's value. */
    private static Map<String, String> deadLettered(String topic, int expected) {
        Map<String, String> reasons = new HashMap<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, harness.kafka.getBrokersAsString(),
                ConsumerConfig.GROUP_ID_CONFIG, "fuzz-dlt-reader",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class))) {
            consumer.subscribe(List.of(Topics.deadLetter(topic)));
            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            while (reasons.size() < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    reasons.put(record.key(), reason(record));
                }
            }
        }
        return reasons;
    }

    private static String reason(ConsumerRecord<String, byte[]> record) {
        for (Header header : record.headers()) {
            String name = header.key().toLowerCase(Locale.ROOT);
            if ((name.contains("exception-message") || name.equals("sppo-error")) && header.value() != null) {
                return new String(header.value(), StandardCharsets.UTF_8);
            }
        }
        return "";
    }
}
