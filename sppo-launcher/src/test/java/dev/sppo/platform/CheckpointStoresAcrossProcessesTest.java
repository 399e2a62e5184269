package dev.sppo.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.sppo.contracts.MessageCodec;
import dev.sppo.contracts.SampledResponses;
import dev.sppo.contracts.Topics;
import dev.sppo.contracts.job.CheckpointView;
import dev.sppo.contracts.job.JobView;
import dev.sppo.contracts.store.CheckpointManifest;
import dev.sppo.contracts.store.StoreEntry;
import dev.sppo.perf.ProcessPlatform;
import dev.sppo.perf.ProcessSettings;
import dev.sppo.perf.ServiceJars;
import dev.sppo.service.store.S3ProxyServer;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Checkpoints between machines that share no filesystem, with real processes: the trainer, two generators and the
 * preference-service each a JVM from its executable jar, each with its own checkpoint, cache and temporary
 * directories (so every reader must fetch, and a {@code file:} URI names nothing it can read), on a broker that
 * gives a topic it creates itself 3 partitions, as compose's does. The trainer uploads every checkpoint to a real
 * S3-compatible server (S3Proxy, its own JVM); generator-1 fetches policies from the trainer's store API
 * ({@code http:}), generator-2 policies and the preference-service the learned ranker from the bucket ({@code s3:}),
 * each through a proxy that flips one byte of the first copy of each checkpoint it passes on.
 */
class CheckpointStoresAcrossProcessesTest {

    private static final Duration TIMEOUT = Duration.ofMinutes(6);
    private static final String API_KEY = "stores-test-key";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path work;

    @Test
    void aJobWithALearnedRankerSucceedsOnCheckpointsMovedOverHttpAndS3AndEachCorruptCopyIsFetchedAgain()
            throws Exception {
        ProcessSettings settings = new ProcessSettings(work.resolve("platform"), new ServiceJars(Path.of("..")), 1,
                "768m", API_KEY, Files.createDirectories(work.resolve("models")));
        try (S3ProxyServer s3 = S3ProxyServer.start(Files.createDirectories(work.resolve("s3")),
                List.of(SeparateStorePlacement.BUCKET));
                SeparateStorePlacement stores = new SeparateStorePlacement(s3);
                ProcessPlatform platform = ProcessPlatform.start(settings, stores)) {
            platform.addGenerator();
            String ranker = trainedRanker(platform);
            JsonObject config = JsonParser.parseString(PlatformHarness.tinyJob("across-processes")).getAsJsonObject();
            config.add("preference", JsonParser.parseString("{\"kind\": \"ranker\", \"model_uri\": \"" + ranker
                    + "\"}"));

            JobView job = awaitEnd(platform, platform.jobs().submit(config.toString()));

            assertThat(job.state()).as(job.failureReason()).isEqualTo("SUCCEEDED");
            String rankerId = Path.of(ranker).getFileName().toString();
            List<String> policies = job.checkpoints().stream().map(CheckpointView::id).toList();
            assertEachCorruptCopyWasFetchedAgain(stores.trainerProxy().requests(), stores.trainerProxy().corrupted(),
                    policies.subList(0, 2));
            assertEachCorruptCopyWasFetchedAgain(stores.bucketProxy().requests(), stores.bucketProxy().corrupted(),
                    List.of(rankerId, policies.get(0), policies.get(1)));
            assertBucketHoldsWhatWasRecorded(s3, job.checkpoints());
            assertReaderCopiesMatchTheRecordedDigests(settings.dataDir(), job.checkpoints(), rankerId);
            assertThat(generatorsThatAnswered(platform, job.id())).containsExactlyInAnyOrder(
                    ProcessPlatform.generator(1), ProcessPlatform.generator(2));
            assertTopicsHaveTheServicesPartitions(platform);
            assertAFileUriNamesNothingAReaderCanRead(platform);
        }
    }

    private static void assertEachCorruptCopyWasFetchedAgain(Map<String, Integer> requests, Set<String> corrupted,
            List<String> expected) {
        assertThat(requests).as("checkpoints fetched through the proxy").containsKeys(expected.toArray(String[]::new));
        assertThat(corrupted).as("the first copy of each went out with a flipped byte").isEqualTo(requests.keySet());
        for (String id : expected) {
            assertThat(requests.get(id)).as("requests for " + id + ": the corrupt copy refused, then fetched again")
                    .isGreaterThanOrEqualTo(2);
        }
    }

    /** Every recorded checkpoint is in the bucket, its entry with the manifest digest of the checkpoint's row. */
    private static void assertBucketHoldsWhatWasRecorded(S3ProxyServer s3, List<CheckpointView> checkpoints)
            throws IOException {
        assertThat(checkpoints).hasSize(3);
        for (CheckpointView checkpoint : checkpoints) {
            Path entryFile = s3.objectFile(SeparateStorePlacement.BUCKET, SeparateStorePlacement.PREFIX + "/"
                    + checkpoint.id() + "/entry.json");
            StoreEntry entry = MessageCodec.decode(Files.readAllBytes(entryFile), StoreEntry.class);
            assertThat(entry.manifestSha256()).as(checkpoint.id()).isEqualTo(checkpoint.manifestSha256())
                    .isEqualTo(entry.manifest().digest());
        }
    }

    /** Every copy in a reader's cache is a recorded checkpoint, with its recorded manifest digest. */
    private static void assertReaderCopiesMatchTheRecordedDigests(Path dataDir, List<CheckpointView> checkpoints,
            String rankerId) throws IOException {
        Map<String, String> recorded = new HashMap<>();
        checkpoints.forEach(c -> recorded.put(c.id(), c.manifestSha256()));
        Set<String> cached = new HashSet<>();
        for (String reader : List.of(ProcessPlatform.generator(1), ProcessPlatform.generator(2),
                ProcessPlatform.PREFERENCE)) {
            try (Stream<Path> dirs = Files.list(dataDir.resolve(reader).resolve("cache"))) {
                for (Path dir : dirs.filter(Files::isDirectory).filter(d -> !d.getFileName().toString()
                        .startsWith(".")).toList()) {
                    String id = dir.getFileName().toString();
                    if (!id.equals(rankerId)) {
                        assertThat(CheckpointManifest.of(dir).digest()).as(dir.toString()).isEqualTo(recorded.get(id));
                    }
                    cached.add(reader + "/" + id);
                }
            }
        }
        assertThat(cached).as("what each reader fetched").contains(
                ProcessPlatform.PREFERENCE + "/" + rankerId,
                ProcessPlatform.generator(1) + "/" + checkpoints.get(1).id(),
                ProcessPlatform.generator(2) + "/" + checkpoints.get(1).id());
    }

    /** The instance ids on the job's sampled responses. */
    private static Set<String> generatorsThatAnswered(ProcessPlatform platform, String jobId) {
        Set<String> generators = new HashSet<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.kafkaBootstrap(),
                ConsumerConfig.GROUP_ID_CONFIG, "responses-reader-" + jobId,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class))) {
            consumer.subscribe(List.of(Topics.RESPONSES));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (generators.size() < 2 && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    SampledResponses responses = MessageCodec.decode(record.value(), SampledResponses.class);
                    if (responses.request().jobId().equals(jobId)) {
                        generators.add(responses.generator());
                    }
                }
            }
        }
        return generators;
    }

    /** The topics have the services' 2 partitions, not the broker's 3: the services declared them. */
    private static void assertTopicsHaveTheServicesPartitions(ProcessPlatform platform) throws Exception {
        List<String> topics = new ArrayList<>(List.of(Topics.GENERATION_REQUESTS, Topics.RESPONSES,
                Topics.PREFERENCES, Topics.CHECKPOINTS));
        topics.add(Topics.deadLetter(Topics.GENERATION_REQUESTS));
        topics.add(Topics.deadLetter(Topics.RESPONSES));
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                platform.kafkaBootstrap()))) {
            Map<String, TopicDescription> described = admin.describeTopics(topics).allTopicNames().get();
            assertThat(described.values()).allSatisfy(topic -> assertThat(topic.partitions()).as(topic.name())
                    .hasSize(2));
        }
    }

    /** A reader with a store fetches by id only: a file: URI on its own disk is refused. */
    private static void assertAFileUriNamesNothingAReaderCanRead(ProcessPlatform platform) throws Exception {
        HttpResponse<String> refused = post(platform, "/api/generate", """
                {"checkpointUri": "file:/etc/passwd", "prompt": "12+30=", "sampling": {"k": 2, "maxNewTokens": 3}}""");
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("no such checkpoint").doesNotContain("root:");
    }

    /** A tiny ranker trained by the trainer through the gateway: its URI, in the trainer's store. */
    private static String trainedRanker(ProcessPlatform platform) throws Exception {
        HttpResponse<String> submitted = post(platform, "/api/preference-models", """
                {"name": "tiny ranker", "kind": "ranker", "pairs": 200, "model": {"hidden_size": 16, "layers": 1},
                 "training": {"epochs": 1}}""");
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(201);
        String id = JsonParser.parseString(submitted.body()).getAsJsonObject().get("id").getAsString();
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            JsonObject run = JsonParser.parseString(get(platform, "/api/preference-models/" + id).body())
                    .getAsJsonObject();
            String state = run.get("state").getAsString();
            if (state.equals("SUCCEEDED")) {
                return run.get("uri").getAsString();
            }
            assertThat(state).as(run.toString()).isNotEqualTo("FAILED");
            Thread.sleep(500);
        }
        throw new AssertionError("preference model " + id + " did not finish within " + TIMEOUT);
    }

    private static JobView awaitEnd(ProcessPlatform platform, String id) throws Exception {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        return platform.jobs().follow(id, Duration.ofMillis(500), view -> {
            if (!view.ended() && System.nanoTime() > deadline) {
                throw new IOException("job " + id + " did not end within " + TIMEOUT + ": " + view.state());
            }
        });
    }

    private static HttpResponse<String> post(ProcessPlatform platform, String path, String body) throws Exception {
        return HTTP.send(request(platform, path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(ProcessPlatform platform, String path) throws Exception {
        return HTTP.send(request(platform, path).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest.Builder request(ProcessPlatform platform, String path) {
        return HttpRequest.newBuilder(URI.create(platform.gatewayUrl() + path)).timeout(Duration.ofSeconds(30))
                .header("X-API-Key", API_KEY);
    }
}
