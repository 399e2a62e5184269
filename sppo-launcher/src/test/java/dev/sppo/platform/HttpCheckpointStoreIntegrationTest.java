package dev.sppo.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.sppo.contracts.GenerationRequest;
import dev.sppo.contracts.MessageCodec;
import dev.sppo.contracts.Topics;
import dev.sppo.contracts.store.CheckpointManifest;
import dev.sppo.embedded.FreePorts;
import dev.sppo.service.store.CorruptingProxy;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

/**
 * The {@code http:} checkpoint store on the real services: two generators and the preference-service each have their
 * own checkpoint and cache directories, none of them the trainer's, and fetch every checkpoint (the job's policies
 * and the learned ranker it is trained against) from the trainer's store API, through a proxy that flips one byte of
 * the first archive of each; a checkpoint corrupt on every fetch is refused and its requests dead-lettered.
 */
class HttpCheckpointStoreIntegrationTest {

    private static final Duration TIMEOUT = Duration.ofMinutes(5);

    @TempDir
    static Path tmp;

    private static CorruptingProxy proxy;
    private static PlatformHarness harness;

    @BeforeAll
    static void start() throws Exception {
        int trainerPort = FreePorts.next();
        proxy = new CorruptingProxy(URI.create("http://127.0.0.1:" + trainerPort), CorruptingProxy.ARCHIVES);
        ExtraSettings ownDirectories = new ExtraSettings(
                replica -> readerSettings("generator-" + replica, "sppo.generator.checkpoint-root"),
                readerSettings("preference", "sppo.preference.checkpoint-root"), List.of());
        harness = new PlatformHarness(Files.createDirectories(tmp.resolve("trainer")), 2, trainerPort, ownDirectories);
    }

    @AfterAll
    static void stop() throws Exception {
        harness.close();
        proxy.close();
    }

    @Test
    void aJobWithALearnedRankerSucceedsOnCheckpointsFetchedOverHttpAndEachCorruptArchiveIsFetchedAgain()
            throws Exception {
        String ranker = trainedRanker();
        JsonObject config = JsonParser.parseString(PlatformHarness.tinyJob("over-http")).getAsJsonObject();
        config.add("preference", JsonParser.parseString("{\"kind\": \"ranker\", \"model_uri\": \"" + ranker + "\"}"));
        HttpResponse<String> created = harness.call("POST", "/api/jobs", config.toString(), PlatformHarness.API_KEY);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = JsonParser.parseString(created.body()).getAsJsonObject().get("id").getAsString();

        JsonObject job = harness.awaitTerminal(id, TIMEOUT);

        assertThat(job.get("state").getAsString()).as(job.toString()).isEqualTo("SUCCEEDED");
        String rankerId = Path.of(URI.create(ranker)).getFileName().toString();
        Map<String, Integer> requests = proxy.requests();
        assertThat(requests).as("archives served through the proxy").containsKeys(rankerId, id + "-v0", id + "-v1");
        assertThat(proxy.corrupted()).isEqualTo(requests.keySet());
        assertThat(requests.values()).as("each corrupt archive was fetched again").allMatch(n -> n >= 2);
        assertFetchedCopiesMatchTheRecordedDigests(id);
        assertRestCallsNameStoreCheckpointsByTheirUris(job, ranker);
    }

    /** Over REST a URI names a checkpoint of the trainer's store by its last segment; nothing else can be fetched. */
    private static void assertRestCallsNameStoreCheckpointsByTheirUris(JsonObject job, String ranker)
            throws Exception {
        String policy = job.getAsJsonArray("checkpoints").get(2).getAsJsonObject().get("uri").getAsString();
        HttpResponse<String> generated = harness.call("POST", "/api/generate", """
                {"checkpointUri": "%s", "prompt": "12+30=", "sampling": {"k": 2, "maxNewTokens": 3}}"""
                .formatted(policy), PlatformHarness.API_KEY);
        assertThat(generated.statusCode()).as(generated.body()).isEqualTo(200);
        HttpResponse<String> outside = harness.call("POST", "/api/generate", """
                {"checkpointUri": "file:/etc/passwd", "prompt": "12+30=", "sampling": {"k": 2, "maxNewTokens": 3}}""",
                PlatformHarness.API_KEY);
        assertThat(outside.statusCode()).isEqualTo(422);
        assertThat(outside.body()).contains("checkpoint store").contains("no such checkpoint (HTTP 404)")
                .doesNotContain("root:");

        HttpResponse<String> scored = harness.call("POST", "/api/preferences", """
                {"preference": {"kind": "ranker", "modelUri": "%s"}, "prompt": "12+30=", "responses": ["42", "41"]}"""
                .formatted(ranker), PlatformHarness.API_KEY);
        assertThat(scored.statusCode()).as(scored.body()).isEqualTo(200);
    }

    @Test
    void aCheckpointCorruptOnEveryFetchIsDeadLetteredWithTheReasonAfterTwoFetchesPerRequest() throws Exception {
        Set<String> before = proxy.requests().keySet();
        proxy.corruptAlways(id -> !before.contains(id));
        try {
            HttpResponse<String> created = harness.call("POST", "/api/jobs", PlatformHarness.tinyJob("corrupt"),
                    PlatformHarness.API_KEY);
            String id = JsonParser.parseString(created.body()).getAsJsonObject().get("id").getAsString();

            Map<String, String> reasons = deadLettered(id, 8);

            assertThat(reasons).hasSize(8).allSatisfy((prompt, reason) -> assertThat(reason)
                    .contains("checkpoint '" + id + "-v0' from the store at " + proxy.url())
                    .contains("failed its manifest digest on 2 fetches"));
            assertThat(proxy.requests().get(id + "-v0")).as("2 fetches per request and per generator's "
                    + "preload, none retried by the binding").isLessThanOrEqualTo(2 * (8 + 2));
            harness.call("POST", "/api/jobs/" + id + "/cancel", null, PlatformHarness.API_KEY);
        } finally {
            proxy.corruptAlways(id -> false);
        }
    }

    /** The exception messages of the first {@code count} dead-lettered generation requests of a job, by prompt. */
    private static Map<String, String> deadLettered(String jobId, int count) throws Exception {
        Map<String, String> reasons = new HashMap<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, harness.kafka.getBrokersAsString(),
                ConsumerConfig.GROUP_ID_CONFIG, "dlt-reader-" + jobId,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class))) {
            consumer.subscribe(List.of(Topics.deadLetter(Topics.GENERATION_REQUESTS)));
            harness.await(() -> {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    GenerationRequest request = MessageCodec.decode(record.value(), GenerationRequest.class);
                    Header reason = record.headers().lastHeader("x-exception-message");
                    if (request.jobId().equals(jobId) && reason != null) {
                        reasons.put(request.promptId(), new String(reason.value(), StandardCharsets.UTF_8));
                    }
                }
                return reasons.size() >= count;
            }, count + " dead-lettered requests of " + jobId);
        }
        return reasons;
    }

    /** Every copy in a reader's cache has the manifest digest the trainer recorded when it wrote the checkpoint. */
    private static void assertFetchedCopiesMatchTheRecordedDigests(String jobId) throws Exception {
        Map<String, String> recorded = new HashMap<>();
        for (List<Object> row : harness.query("SELECT id, manifest_sha256 FROM checkpoints WHERE job_id = '" + jobId
                + "' UNION SELECT id, manifest_sha256 FROM preference_models WHERE state = 'SUCCEEDED'")) {
            recorded.put((String) row.get(0), ((String) row.get(1)).trim());
        }
        int copies = 0;
        for (String reader : List.of("generator-1", "generator-2", "preference")) {
            try (Stream<Path> cached = Files.list(tmp.resolve(reader).resolve("cache"))) {
                for (Path dir : cached.filter(Files::isDirectory).filter(d -> !d.getFileName().toString()
                        .startsWith(".")).toList()) {
                    assertThat(CheckpointManifest.of(dir).digest()).as(dir.toString())
                            .isEqualTo(recorded.get(dir.getFileName().toString()));
                    copies++;
                }
            }
        }
        assertThat(copies).isGreaterThanOrEqualTo(3);
    }

    /** A tiny ranker trained by the trainer through the gateway: its URI, in the trainer's store. */
    private static String trainedRanker() throws Exception {
        HttpResponse<String> submitted = harness.call("POST", "/api/preference-models", """
                {"name": "tiny ranker", "kind": "ranker", "pairs": 200, "model": {"hidden_size": 16, "layers": 1},
                 "training": {"epochs": 1}}
                """, PlatformHarness.API_KEY);
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(201);
        String id = JsonParser.parseString(submitted.body()).getAsJsonObject().get("id").getAsString();
        AtomicReference<JsonObject> run = new AtomicReference<>();
        harness.await(() -> {
            run.set(JsonParser.parseString(harness.call("GET", "/api/preference-models/" + id, null,
                    PlatformHarness.API_KEY).body()).getAsJsonObject());
            return List.of("SUCCEEDED", "FAILED").contains(run.get().get("state").getAsString());
        }, "preference model " + id);
        assertThat(run.get().get("state").getAsString()).as(run.get().toString()).isEqualTo("SUCCEEDED");
        return run.get().get("uri").getAsString();
    }

    /** A reader's own checkpoint root and cache, and the store URL (the proxy in front of the trainer). */
    private static List<String> readerSettings(String name, String checkpointRootKey) {
        Path own = tmp.resolve(name);
        return List.of("--" + checkpointRootKey + "=" + own.resolve("checkpoints"),
                "--sppo.checkpoint-store.url=" + proxy.url(),
                "--sppo.checkpoint-store.cache-dir=" + own.resolve("cache"));
    }
}
