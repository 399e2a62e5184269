package dev.sppo.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.sppo.checkpoint.Digests;
import dev.sppo.contracts.Topics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The four services over a real broker and a real PostgreSQL, driven through the gateway's REST API, with the
 * preference-service's LLM judge {@code local} answered by a {@link LocalJudge}.
 */
class PlatformIntegrationTest {

    private static final Duration JOB_TIMEOUT = Duration.ofMinutes(5);

    @TempDir
    static Path checkpoints;

    private static PlatformHarness harness;
    private static LocalJudge judge;

    @BeforeAll
    static void start() throws Exception {
        judge = new LocalJudge();
        harness = new PlatformHarness(checkpoints, 2);
    }

    @AfterAll
    static void stop() throws Exception {
        harness.close();
        judge.close();
    }

    @Test
    void submittedJobSucceedsOnTwoGeneratorsWithVerifiableCheckpointsAndEveryPromptOnce() throws Exception {
        String id = submit("two-iterations");
        JsonObject job = harness.awaitTerminal(id, JOB_TIMEOUT);
        assertThat(job.get("state").getAsString()).as(job.toString()).isEqualTo("SUCCEEDED");

        List<List<Object>> trained = harness.query("SELECT uri, sha256 FROM checkpoints WHERE job_id = '" + id
                + "' AND policy_version > 0 ORDER BY policy_version");
        assertThat(trained).hasSize(2);
        for (List<Object> row : trained) {
            Path weights = Path.of(URI.create((String) row.get(0))).resolve("model.safetensors");
            assertThat(Digests.sha256(weights)).isEqualTo(((String) row.get(1)).trim());
        }
        assertThat(job.getAsJsonArray("iterations")).hasSize(2).allSatisfy(
                it -> assertThat(it.getAsJsonObject().getAsJsonObject("metrics").size()).isPositive());
        assertEveryPromptCountedOnce(id);
        assertThat(harness.count("SELECT count(DISTINCT payload->'responses'->>'generator') FROM prompt_results"
                + " WHERE job_id = '" + id + "'")).as("generator replicas that did work").isEqualTo(2);
    }

    @Test
    void aJobTrainedAgainstAnLlmJudgeRecordsThatJudgesOwnWinRateBesideTheGoldOne() throws Exception {
        String id = submit("llm-judge", "preference", "{\"kind\": \"llm_judge\", \"judge\": \"local\"}");

        JsonObject job = harness.awaitTerminal(id, JOB_TIMEOUT);

        assertThat(job.get("state").getAsString()).as(job.toString()).isEqualTo("SUCCEEDED");
        assertThat(job.getAsJsonArray("iterations")).hasSize(2).allSatisfy(it -> {
            JsonObject metrics = it.getAsJsonObject().getAsJsonObject("metrics");
            JsonObject proxy = metrics.getAsJsonObject("proxy_win_rate_vs_base");
            assertThat(proxy).as("the LLM judge's win rate in %s", metrics).isNotNull();
            assertThat(proxy.get("wins").getAsInt() + proxy.get("ties").getAsInt() + proxy.get("losses").getAsInt())
                    .as("8 held-out prompts x 1 sample").isEqualTo(8);
            assertThat(metrics.getAsJsonObject("win_rate_vs_base")).isNotNull();
        });
        assertThat(judge.asked()).as("training pairs and evaluation pairs, each asked in both orders")
                .isGreaterThanOrEqualTo(2 * (8 + 8) * 2);
    }

    @Test
    void aLoraJobRecordsAdaptersOnItsBaseAndTheGeneratorsSwapOnlyTheAdapterForIterationTwo() throws Exception {
        String id = submit("lora", "lora", "{\"r\": 4, \"alpha\": 8}");

        JsonObject job = harness.awaitTerminal(id, JOB_TIMEOUT);

        assertThat(job.get("state").getAsString()).as(job.toString()).isEqualTo("SUCCEEDED");
        List<List<Object>> rows = harness.query("SELECT id, kind, uri, sha256, parent_id, base_id, base_uri, "
                + "base_sha256 FROM checkpoints WHERE job_id = '" + id + "' ORDER BY policy_version");
        assertThat(rows).hasSize(3);
        List<Object> base = rows.get(0);
        assertThat(base.subList(1, 2)).containsExactly("model");
        assertThat(base.subList(5, 8)).containsOnlyNulls();
        for (int version = 1; version <= 2; version++) {
            List<Object> adapter = rows.get(version);
            assertThat(adapter.get(1)).isEqualTo("adapter");
            assertThat(adapter.get(4)).as("trained from").isEqualTo(rows.get(version - 1).get(0));
            assertThat(adapter.subList(5, 8)).as("its base").containsExactly(base.get(0), base.get(2), base.get(3));
            Path dir = Path.of(URI.create((String) adapter.get(2)));
            try (Stream<Path> files = Files.list(dir)) {
                assertThat(files.map(file -> file.getFileName().toString()))
                        .containsExactlyInAnyOrder("adapter_config.json", "adapter_model.safetensors");
            }
            assertThat(Digests.sha256(dir.resolve("adapter_model.safetensors")))
                    .isEqualTo(((String) adapter.get(3)).trim());
        }
        JsonObject view = job.getAsJsonArray("checkpoints").get(2).getAsJsonObject();
        assertThat(view.get("kind").getAsString()).isEqualTo("adapter");
        assertThat(view.getAsJsonObject("base").get("checkpointId").getAsString()).isEqualTo(base.get(0));
        String v2 = (String) rows.get(2).get(0);
        harness.await(() -> generatorCount("sppo.generator.adapter.swaps", v2) == 2,
                "both generators swapping in the adapter of " + v2);
        assertThat(generatorCount("sppo.generator.checkpoint.loads", v2)).as("whole loads of " + v2).isZero();
        assertThat(generatorCount("sppo.generator.checkpoint.loads", (String) rows.get(1).get(0)))
                .as("each generator loads the first adapter with its base").isEqualTo(2);
    }

    @Test
    void trainerRestartMidIterationLosesNothingAndDuplicatesNothing() throws Exception {
        String id = submit("restart");
        awaitSomeResults(id);
        harness.platform.stopTrainer();
        Thread.sleep(2000);
        harness.platform.startTrainer();
        JsonObject job = harness.awaitTerminal(id, JOB_TIMEOUT);
        assertThat(job.get("state").getAsString()).as(job.toString()).isEqualTo("SUCCEEDED");
        assertEveryPromptCountedOnce(id);
    }

    @Test
    void badRequestsGetProblemBodiesAndNeverAStackTrace() throws Exception {
        HttpResponse<String> bad = harness.call("POST", "/api/jobs",
                "{\"training\": {\"beta\": -1, \"loss\": \"ppo\"}}", PlatformHarness.API_KEY);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).contains("problem+json"));
        assertThat(bad.body()).contains("training.").doesNotContain("Exception");

        assertThat(harness.call("GET", "/api/jobs/no-such-job", null, PlatformHarness.API_KEY).statusCode())
                .isEqualTo(404);
        assertThat(harness.call("GET", "/api/jobs", null, null).statusCode()).isEqualTo(401);
        assertThat(harness.call("GET", "/api/jobs", null, "wrong").statusCode()).isEqualTo(403);
    }

    @Test
    void eachBackendListensOnLoopbackOnlyAndAnswersNothingButItsProbesWithoutTheRunsServiceKey() throws Exception {
        List<ConfigurableApplicationContext> backends = new ArrayList<>(harness.platform.generators());
        backends.add(harness.platform.preference());
        backends.add(harness.platform.trainer());
        String key = harness.platform.trainer().getEnvironment().getProperty("sppo.service.key");
        assertThat(key).as("a random key of this run").hasSize(43);
        Map<String, String> routes = Map.of("generator-service", "/pins", "preference-service", "/actuator/metrics",
                "trainer-service", "/jobs");

        for (ConfigurableApplicationContext backend : backends) {
            String name = backend.getEnvironment().getProperty("spring.application.name");
            String route = routes.get(name);
            assertThat(PlatformHarness.boundAddress(backend)).as(name).isEqualTo(InetAddress.getByName("127.0.0.1"));
            HttpResponse<String> refused = harness.callBackend(backend, route, null);
            assertThat(refused.statusCode()).as(name).isEqualTo(401);
            assertThat(refused.headers().firstValue("Content-Type")).as(name).hasValue("application/problem+json");
            assertThat(harness.callBackend(backend, route, "not-the-" + key).statusCode()).as(name).isEqualTo(401);
            assertThat(harness.callBackend(backend, route, key).statusCode()).as(name).isEqualTo(200);
            assertThat(harness.callBackend(backend, "/actuator/health", null).statusCode()).as(name).isEqualTo(200);
        }
        assertThat(harness.call("GET", "/api/pins", null, PlatformHarness.API_KEY).statusCode())
                .as("the gateway sends the key").isEqualTo(200);
    }

    @Test
    void aDatasetUploadedThroughTheGatewayIsStoredWithItsSha256() throws Exception {
        byte[] file = "{\"prompt\": \"Explain tides.\"}\n{\"prompt\": \"Name a colour.\"}\n"
                .getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> created = harness.upload("/api/datasets?name=tides", "application/x-ndjson", file);

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonObject dataset = JsonParser.parseString(created.body()).getAsJsonObject();
        String id = dataset.get("id").getAsString();
        assertThat(dataset.get("sha256").getAsString()).isEqualTo(Digests.sha256(file));
        assertThat(dataset.get("prompts").getAsInt()).isEqualTo(2);
        assertThat(harness.query("SELECT sha256, bytes FROM datasets WHERE id = '" + id + "'"))
                .containsExactly(List.of(Digests.sha256(file), (long) file.length));
        assertThat(harness.call("GET", "/api/datasets/" + id, null, PlatformHarness.API_KEY).body()).contains(id);
    }

    @Test
    void malformedPreferenceMessageGoesToTheDeadLetterTopic() throws Exception {
        byte[] garbage = "{\"version\": 1, \"responses\": null}".getBytes(StandardCharsets.UTF_8);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, harness.kafka.getBrokersAsString(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class))) {
            producer.send(new ProducerRecord<>(Topics.PREFERENCES, "garbage", garbage)).get();
        }
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, harness.kafka.getBrokersAsString(),
                ConsumerConfig.GROUP_ID_CONFIG, "dlt-reader",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class))) {
            consumer.subscribe(List.of(Topics.deadLetter(Topics.PREFERENCES)));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            boolean found = false;
            while (!found && System.nanoTime() < deadline) {
                ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(500));
                for (var record : records) {
                    found |= "garbage".equals(record.key());
                }
            }
            assertThat(found).as("the malformed message reached " + Topics.deadLetter(Topics.PREFERENCES)).isTrue();
        }
    }

    /** The count of a generator counter for one checkpoint, summed over the generator replicas. */
    private static double generatorCount(String name, String checkpoint) {
        return harness.platform.generators().stream().map(g -> g.getBean(MeterRegistry.class)
                .find(name).tag("checkpoint", checkpoint).counter()).filter(Objects::nonNull)
                .mapToDouble(Counter::count).sum();
    }

    private static String submit(String name) throws Exception {
        return submitted(PlatformHarness.tinyJob(name));
    }

    /** Submits the tiny job {@code name} with its {@code section} set to the JSON {@code value}; returns its id. */
    private static String submit(String name, String section, String value) throws Exception {
        JsonObject config = JsonParser.parseString(PlatformHarness.tinyJob(name)).getAsJsonObject();
        config.add(section, JsonParser.parseString(value));
        return submitted(config.toString());
    }

    private static String submitted(String config) throws Exception {
        HttpResponse<String> created = harness.call("POST", "/api/jobs", config, PlatformHarness.API_KEY);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonElement id = JsonParser.parseString(created.body()).getAsJsonObject().get("id");
        return id.getAsString();
    }

    private static void awaitSomeResults(String id) throws Exception {
        long deadline = System.nanoTime() + JOB_TIMEOUT.toNanos();
        while (harness.count("SELECT count(*) FROM prompt_results WHERE job_id = '" + id + "'") == 0) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no prompt result arrived for " + id);
            }
            Thread.sleep(100);
        }
    }

    private static void assertEveryPromptCountedOnce(String id) throws Exception {
        for (int iteration = 0; iteration < 2; iteration++) {
            String where = " WHERE job_id = '" + id + "' AND iteration = " + iteration;
            assertThat(harness.count("SELECT count(*) FROM prompt_results" + where)).isEqualTo(8);
            assertThat(harness.count("SELECT count(*) FROM training_rows" + where)).isEqualTo(8);
            assertThat(harness.count("SELECT count(DISTINCT prompt_id) FROM training_rows" + where)).isEqualTo(8);
        }
    }
}
