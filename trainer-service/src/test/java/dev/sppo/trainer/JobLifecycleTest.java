package dev.sppo.trainer;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import dev.sppo.checkpoint.Digests;
import dev.sppo.checkpoint.ModelDirectory;
import dev.sppo.contracts.AuditEvent;
import dev.sppo.contracts.ContractVersion;
import dev.sppo.contracts.GenerationRequest;
import dev.sppo.contracts.MessageCodec;
import dev.sppo.contracts.ScoredPrompt;
import dev.sppo.contracts.Topics;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Whole jobs against a real broker and Postgres, the test playing generator and preference services with
 * sppo-core: a two-iteration job runs to SUCCEEDED, and a malformed preference is dead-lettered; and the audit
 * events of the other services are recorded once each.
 */
class JobLifecycleTest {

    private static final Duration JOB_TIMEOUT = Duration.ofSeconds(120);
    private static final String IGNORED_FOR_CANCELLED_JOB =
            "sppo_trainer_preferences_total{outcome=\"ignored_job_cancelled\"}";

    @TempDir
    static Path store;

    private static TrainerApp app;
    private static SelfPlayPeer peer;

    @BeforeAll
    static void start() {
        app = TrainerApp.start(TestInfrastructure.newDatabase(), store, "trainer-lifecycle-test");
        peer = new SelfPlayPeer();
    }

    @AfterAll
    static void stop() {
        peer.close();
        app.close();
    }

    @Test
    void twoIterationJobSucceedsWithEveryPromptStoredAndTrainedOnce() throws IOException {
        String id = app.submit(TinyJobs.json("lifecycle", 2));

        int answered = peer.answerUntilFinished(app, id, JOB_TIMEOUT);

        JsonObject job = app.job(id);
        assertThat(job.get("state").getAsString()).as("job %s", job).isEqualTo("SUCCEEDED");
        assertThat(answered).isEqualTo(2 * TinyJobs.PROMPTS_PER_ITERATION);
        for (int t = 0; t < 2; t++) {
            assertThat(app.count("SELECT count(*) FROM prompt_results WHERE job_id = ? AND iteration = ?", id, t))
                    .isEqualTo(TinyJobs.PROMPTS_PER_ITERATION);
            assertThat(app.count("SELECT count(*) FROM training_rows WHERE job_id = ? AND iteration = ?", id, t))
                    .isEqualTo(TinyJobs.PROMPTS_PER_ITERATION);
            assertThat(app.count("SELECT count(*) FROM training_rows w JOIN prompt_results r USING (job_id, iteration, "
                    + "prompt_id) WHERE w.job_id = ? AND w.iteration = ?", id, t))
                    .as("every trained prompt is one of the iteration's results")
                    .isEqualTo(TinyJobs.PROMPTS_PER_ITERATION);
        }
        assertIterationMetrics(job.getAsJsonArray("iterations"));
        assertCheckpointsMatchTheirFiles(id, job.getAsJsonArray("checkpoints"));
        assertThat(app.metric("sppo_trainer_preferences_total{outcome=\"duplicate\"}")).isPositive();
        List<String> events = TopicReader.valuesWithKey(Topics.JOB_EVENTS, id,
                values -> values.stream().anyMatch(v -> v.contains("SUCCEEDED")), Duration.ofSeconds(20));
        assertThat(events.get(0)).contains("\"state\":\"QUEUED\"");
        assertThat(events).anyMatch(v -> v.contains("\"phase\":\"EVALUATE\"") && v.contains("\"iteration\":1"));
    }

    @Test
    void malformedPreferenceIsDeadLetteredAndTheConsumerGoesOn() {
        String id = app.submit(TinyJobs.json("dead-letter", 1));
        List<GenerationRequest> requests = peer.await(id, TinyJobs.PROMPTS_PER_ITERATION, JOB_TIMEOUT);
        ScoredPrompt valid = peer.answer(requests.get(0));
        String key = valid.key();

        peer.sendRaw(Topics.PREFERENCES, key, "{not json".getBytes(StandardCharsets.UTF_8));
        peer.sendRaw(Topics.PREFERENCES, key, "{\"version\": 1}".getBytes(StandardCharsets.UTF_8));
        peer.send(valid);

        app.awaitCount("SELECT count(*) FROM prompt_results WHERE job_id = ? AND prompt_id = ?", 1,
                Duration.ofSeconds(30), id, key);
        List<String> parked = TopicReader.valuesWithKey(Topics.deadLetter(Topics.PREFERENCES), key,
                values -> values.size() >= 2, Duration.ofSeconds(30));
        assertThat(parked).containsExactly("{not json", "{\"version\": 1}");

        assertThat(app.post("/jobs/" + id + "/cancel", "").statusCode()).isEqualTo(200);
        double ignoredBefore = app.metric(IGNORED_FOR_CANCELLED_JOB);
        peer.send(peer.answer(requests.get(1)));
        for (int attempt = 0; attempt < 100 && app.metric(IGNORED_FOR_CANCELLED_JOB) == ignoredBefore; attempt++) {
            TrainerApp.pause(Duration.ofMillis(100));
        }
        assertThat(app.metric(IGNORED_FOR_CANCELLED_JOB)).isEqualTo(ignoredBefore + 1);
        assertThat(app.count("SELECT count(*) FROM prompt_results WHERE job_id = ?", id))
                .as("a late answer for a cancelled job is not stored").isEqualTo(1);
    }

    @Test
    void anAuditEventIsRecordedOnceHoweverOftenDeliveredAndAMalformedOneIsDeadLettered() {
        long at = 1_765_000_000_123L;
        byte[] pinned = MessageCodec.encode(new AuditEvent(ContractVersion.CURRENT, UUID.randomUUID().toString(),
                "alice", true, "pinned to version 1 on generator-2", "job", "job-audited", at));

        peer.sendRaw(Topics.AUDIT, "job-audited", pinned);
        peer.sendRaw(Topics.AUDIT, "job-audited", pinned);
        peer.sendRaw(Topics.AUDIT, "job-audited", "{\"version\": 1}".getBytes(StandardCharsets.UTF_8));

        List<String> parked = TopicReader.valuesWithKey(Topics.deadLetter(Topics.AUDIT), "job-audited",
                values -> !values.isEmpty(), Duration.ofSeconds(30));
        assertThat(parked).containsExactly("{\"version\": 1}");
        assertThat(app.jdbc().queryForList("SELECT username, admin, action, at FROM audit_log WHERE kind = 'job' "
                + "AND target = 'job-audited'")).as("the records before it on its partition, the second a duplicate")
                .containsExactly(Map.of("username", "alice", "admin", true, "action",
                        "pinned to version 1 on generator-2", "at", Timestamp.from(Instant.ofEpochMilli(at))));
    }

    @Test
    void iterationWithoutAnyPreferenceSignalFailsTheJobWithItsReason() {
        String id = app.submit(TinyJobs.json("no-signal", 1));

        peer.await(id, TinyJobs.PROMPTS_PER_ITERATION, JOB_TIMEOUT).forEach(r -> peer.send(peer.answerTied(r)));

        app.awaitCount("SELECT count(*) FROM jobs WHERE id = ? AND state = 'FAILED'", 1, JOB_TIMEOUT, id);
        JsonObject job = app.job(id);
        assertThat(job.get("failureReason").getAsString()).startsWith("iteration 0: none of the 8 prompts has a "
                + "preference signal");
        assertThat(job.get("phase").isJsonNull()).isTrue();
        assertThat(app.post("/jobs/" + id + "/cancel", "").statusCode()).isEqualTo(409);
    }

    private static void assertIterationMetrics(JsonArray iterations) {
        assertThat(iterations).hasSize(2);
        for (JsonElement element : iterations) {
            JsonObject iteration = element.getAsJsonObject();
            assertThat(iteration.get("receivedPrompts").getAsInt()).isEqualTo(TinyJobs.PROMPTS_PER_ITERATION);
            assertThat(iteration.get("finishedAt").isJsonNull()).isFalse();
            JsonObject metrics = iteration.getAsJsonObject("metrics");
            assertThat(metrics.keySet()).contains("loss", "winner_win_rate", "loser_win_rate", "kl", "reward_accuracy",
                    "grad_norm", "tokens_per_second", "task_score", "exact_match", "generate_seconds", "train_seconds",
                    "evaluate_seconds", "reference_log_ratio");
            assertThat(metrics.get("kl").isJsonPrimitive()).as("KL(π_{t+1} ‖ π_t), sampled at evaluation").isTrue();
            assertThat(metrics.get("steps").getAsInt()).isPositive();
            assertThat(metrics.get("winner_win_rate").getAsDouble())
                    .isGreaterThanOrEqualTo(metrics.get("loser_win_rate").getAsDouble());
            JsonObject vsBase = metrics.getAsJsonObject("win_rate_vs_base");
            assertThat(vsBase.get("lower").getAsDouble()).isLessThanOrEqualTo(vsBase.get("rate").getAsDouble());
            assertThat(vsBase.get("rate").getAsDouble()).isLessThanOrEqualTo(vsBase.get("upper").getAsDouble());
            assertThat(vsBase.get("wins").getAsInt() + vsBase.get("ties").getAsInt() + vsBase.get("losses").getAsInt())
                    .as("8 held-out prompts x 2 samples").isEqualTo(16);
        }
        assertThat(iterations.get(0).getAsJsonObject().getAsJsonObject("metrics").has("base_task_score")).isTrue();
    }

    private static void assertCheckpointsMatchTheirFiles(String jobId, JsonArray checkpoints) throws IOException {
        assertThat(checkpoints).hasSize(3);
        String parent = null;
        for (int v = 0; v < 3; v++) {
            JsonObject c = checkpoints.get(v).getAsJsonObject();
            assertThat(c.get("policyVersion").getAsInt()).isEqualTo(v);
            assertThat(c.get("parentId").isJsonNull() ? null : c.get("parentId").getAsString()).isEqualTo(parent);
            Path dir = Path.of(URI.create(c.get("uri").getAsString()));
            assertThat(c.get("sha256").getAsString())
                    .isEqualTo(Digests.sha256(dir.resolve(ModelDirectory.WEIGHTS_FILE)));
            String id = c.get("id").getAsString();
            JsonObject metadata = TrainerApp.object(app.get("/checkpoints/" + id).body());
            assertThat(metadata.get("jobId").getAsString()).isEqualTo(jobId);
            parent = id;
        }
        HttpResponse<byte[]> archive = app.download("/checkpoints/" + parent + "/archive");
        assertThat(archive.statusCode()).isEqualTo(200);
        Map<String, String> digests = Archives.entryDigests(archive.body());
        assertThat(digests).containsKeys("config.json", "tokenizer.json");
        assertThat(digests.get(ModelDirectory.WEIGHTS_FILE))
                .isEqualTo(checkpoints.get(2).getAsJsonObject().get("sha256").getAsString());
        JsonObject entry = TrainerApp.object(app.get("/store/entries/" + parent).body());
        String recorded = checkpoints.get(2).getAsJsonObject().get("manifestSha256").getAsString();
        assertThat(entry.get("manifestSha256").getAsString()).isEqualTo(recorded);
        JsonArray files = entry.getAsJsonObject("manifest").getAsJsonArray("files");
        assertThat(files).hasSize(digests.size()).allSatisfy(file -> assertThat(file.getAsJsonObject().get("sha256")
                .getAsString()).isEqualTo(digests.get(file.getAsJsonObject().get("path").getAsString())));
        assertThat(Archives.entryDigests(app.download("/store/entries/" + parent + "/archive").body()))
                .isEqualTo(digests);
        assertThat(app.get("/store/entries/nope").statusCode()).isEqualTo(404);
    }
}
