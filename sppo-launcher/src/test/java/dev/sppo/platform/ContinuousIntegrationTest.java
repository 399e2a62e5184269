package dev.sppo.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.micrometer.core.instrument.MeterRegistry;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Continuous alignment over a real broker and a real PostgreSQL: prompts produced to {@code sppo.prompts}
 * become rounds, each round a promoted version that the generators serve next; every prompt is used exactly
 * once, also across a trainer restart; a generator pinned to an old version gives stale replies that are
 * regenerated, dropped and counted; and a slow trainer pauses consumption without losing anything. One
 * continuous job consumes the stream at a time, so each test stops its job; the consumer group's offsets carry
 * over from job to job.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ContinuousIntegrationTest {

    private static final String REGENERATE = "\"stale_action\": \"regenerate\"";

    @TempDir
    static Path checkpoints;

    private static PlatformHarness harness;
    private static PromptStream stream;

    @BeforeAll
    static void start() throws Exception {
        harness = new PlatformHarness(checkpoints, 1);
        stream = new PromptStream(harness);
    }

    @AfterAll
    static void stop() throws Exception {
        stream.close();
        harness.close();
    }

    @Test
    @Order(1)
    void threeRoundsOfPromptsPromoteThreeVersionsTheGeneratorFollowsAndEveryPromptIsUsedOnce() throws Exception {
        String id = stream.createJob("three-rounds", 6, 5, "0.0", REGENERATE);
        List<String> ids = stream.produce(18);
        stream.repeat(ids.get(0));
        stream.send("not-json", "{this is not json");
        stream.send("foreign", "{\"id\": \"foreign\", \"prompt\": \"sort me\"}");

        harness.await(() -> harness.count(PromptStream.decided(id)) == 3, "three rounds decided");

        JsonObject view = continuous(id);
        assertThat(view.get("servingVersion").getAsInt()).as(view.toString()).isEqualTo(3);
        for (int round = 0; round < 3; round++) {
            assertThat(harness.query("SELECT promoted, candidate_version FROM promotions WHERE job_id = '" + id
                    + "' AND round = " + round)).containsExactly(List.of(true, round + 1));
            assertThat(harness.query("SELECT DISTINCT (payload->'responses'->>'servedVersion')::int FROM "
                    + "prompt_results WHERE job_id = '" + id + "' AND iteration = " + round))
                    .as("round %d sampled from v%d", round, round).containsExactly(List.of(round));
        }
        assertEveryPromptUsedOnce(id, ids, 3);
        assertThat(harness.count("SELECT count(*) FROM checkpoints WHERE job_id = '" + id + "'")).isEqualTo(4);
        assertThat(stream.deadLettered(2)).containsKeys("not-json", "foreign");
        stream.stopJob(id);
    }

    @Test
    @Order(2)
    void trainerRestartInTheMiddleOfARoundLosesNoPromptAndDuplicatesNone() throws Exception {
        String id = stream.createJob("restart", 6, 5, "0.0", REGENERATE);
        try {
            List<String> ids = new ArrayList<>(stream.produce(12));
            harness.await(() -> harness.count("SELECT count(*) FROM prompt_results WHERE job_id = '" + id + "'") > 0,
                    "a first answer");
            harness.platform.stopTrainer();
            ids.addAll(stream.produce(6));
            harness.platform.startTrainer();

            harness.await(() -> harness.count(PromptStream.decided(id)) == 3,
                    "three rounds decided after the restart");

            assertEveryPromptUsedOnce(id, ids, 3);
        } finally {
            stream.stopJob(id);
        }
    }

    @Test
    @Order(3)
    void generatorPinnedToAnOldVersionGivesStaleRepliesThatAreRegeneratedThenDroppedAndCounted() throws Exception {
        String id = stream.createJob("pinned", 4, 5, "0.0", "\"staleness_bound\": 0, \"max_regenerations\": 1");
        stream.produce(4);
        harness.await(() -> harness.count(PromptStream.decided(id)) == 1, "round 0 promoted");
        HttpResponse<String> pinned = harness.call("PUT", "/api/pins/" + id, "{\"version\": 0}",
                PlatformHarness.API_KEY);
        assertThat(pinned.statusCode()).as(pinned.body()).isEqualTo(200);

        stream.produce(4);
        harness.await(() -> harness.count(PromptStream.decided(id)) == 2, "round 1 decided while pinned to v0");
        assertThat(harness.call("DELETE", "/api/pins/" + id, null, PlatformHarness.API_KEY).statusCode())
                .isEqualTo(204);
        String pins = "FROM audit_log WHERE kind = 'job' AND target = '" + id + "' AND event_id IS NOT NULL";
        harness.await(() -> harness.count("SELECT count(*) " + pins) == 2, "the pin and the unpin in the audit log");
        assertThat(harness.query("SELECT username, admin, action " + pins + " ORDER BY at"))
                .as("by the admin, naming the replica")
                .containsExactly(List.<Object>of("admin", true, "pinned to version 0 on generator-1"),
                        List.<Object>of("admin", true, "unpinned on generator-1"));
        stream.produce(4);
        harness.await(() -> harness.count(PromptStream.decided(id)) == 3, "round 2 decided after unpinning");

        JsonObject view = continuous(id);
        JsonObject stale = view.getAsJsonArray("rounds").get(1).getAsJsonObject();
        assertThat(stale.get("dropped").getAsInt()).as(view.toString()).isEqualTo(4);
        assertThat(stale.get("regenerations").getAsInt()).isEqualTo(4);
        assertThat(stale.getAsJsonObject("decision").get("promoted").getAsBoolean()).isFalse();
        assertThat(stale.getAsJsonObject("decision").get("reason").getAsString()).contains("dropped as stale");
        assertThat(view.getAsJsonObject("consumer").get("staleRegenerated").getAsInt()).isEqualTo(4);
        assertThat(view.getAsJsonObject("consumer").get("staleDropped").getAsInt()).isEqualTo(4);
        assertThat(harness.query("SELECT DISTINCT (payload->'responses'->>'servedVersion')::int FROM prompt_results"
                + " WHERE job_id = '" + id + "' AND iteration = 2")).as("unpinned: the serving v1 again")
                .containsExactly(List.of(1));
        assertThat(view.get("servingVersion").getAsInt()).isEqualTo(3);
        stream.stopJob(id);
    }

    @Test
    @Order(4)
    void slowTrainerPausesPromptConsumptionAndResumesItWithNothingDropped() throws Exception {
        harness.platform.stopTrainer();
        harness.platform.startTrainer(SlowRoundTraining.SETTING);
        try {
            String id = stream.createJob("slow", 4, 1, "0.0", REGENERATE);
            List<String> ids = stream.produce(16);

            harness.await(() -> harness.count(PromptStream.decided(id)) == 4, "four rounds decided");

            JsonObject consumer = continuous(id).getAsJsonObject("consumer");
            assertThat(consumer.get("pauses").getAsInt()).as(consumer.toString()).isPositive();
            assertThat(consumer.get("resumes").getAsInt()).as(consumer.toString()).isPositive();
            MeterRegistry meters = harness.platform.trainer().getBean(MeterRegistry.class);
            assertThat(meters.get("sppo.trainer.prompts.consumer.pauses").counter().count()).isPositive();
            assertThat(meters.get("sppo.trainer.prompts.consumer.resumes").counter().count()).isPositive();
            assertThat(meters.get("sppo.trainer.prompts.consumer.paused").gauge().value()).as("caught up").isZero();
            assertEveryPromptUsedOnce(id, ids, 4);
            stream.stopJob(id);
        } finally {
            harness.platform.stopTrainer();
            harness.platform.startTrainer();
        }
    }

    @Test
    @Order(5)
    void fewerThanNPromptsFormARoundOnceTheOldestHasWaitedTheMaximumWait() throws Exception {
        String id = stream.createJob("max-wait", 10, 5, "0.0", "\"max_wait_seconds\": 1");
        List<String> ids = stream.produce(3);

        harness.await(() -> harness.count(PromptStream.decided(id)) == 1, "a round of 3 decided");

        assertThat(harness.query("SELECT prompts, extract(epoch FROM s.formed_at - (SELECT min(received_at) FROM "
                + "stream_prompts p WHERE p.job_id = s.job_id)) >= 1 FROM stream_rounds s WHERE job_id = '" + id + "'"))
                .containsExactly(List.of(3, true));
        assertEveryPromptUsedOnce(id, ids, 1);
        stream.stopJob(id);
    }

    @Test
    @Order(6)
    void promptsStoredButNeverTrainedWhenTheJobIsStoppedAreReportedAsDroppedWithIt() throws Exception {
        String id = stream.createJob("stopped-early", 10, 5, "0.0", "\"max_wait_seconds\": 600");
        stream.produce(3);
        harness.await(() -> harness.count("SELECT count(*) FROM stream_prompts WHERE job_id = '" + id + "'") == 3,
                "three prompts stored, too few for a round");
        assertThat(continuous(id).get("droppedAtEnd").getAsInt()).as("still to be trained while it runs").isZero();

        stream.stopJob(id);

        JsonObject view = continuous(id);
        assertThat(view.get("droppedAtEnd").getAsInt()).as(view.toString()).isEqualTo(3);
        assertThat(view.get("waitingPrompts").getAsInt()).isEqualTo(3);
    }

    private static void assertEveryPromptUsedOnce(String id, List<String> ids, int rounds) throws Exception {
        String job = "job_id = '" + id + "'";
        assertThat(harness.query("SELECT prompt_id FROM stream_prompts WHERE " + job).stream().map(r -> r.get(0))
                .toList()).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(harness.count("SELECT count(*) FROM stream_prompts WHERE " + job + " AND round IS NULL")).isZero();
        assertThat(harness.count("SELECT count(*) FROM stream_rounds WHERE " + job)).isEqualTo(rounds);
        assertThat(harness.count("SELECT count(*) FROM prompt_results WHERE " + job)).isEqualTo(ids.size());
        assertThat(harness.count("SELECT count(DISTINCT prompt_id) FROM prompt_results WHERE " + job))
                .isEqualTo(ids.size());
        assertThat(harness.count("SELECT count(*) FROM prompt_results r JOIN stream_prompts p ON p.job_id = r.job_id"
                + " AND p.prompt_id = r.prompt_id AND p.round = r.iteration WHERE r." + job)).isEqualTo(ids.size());
        assertThat(harness.count("SELECT count(*) FROM training_rows WHERE " + job)).isEqualTo(ids.size());
    }

    private static JsonObject continuous(String id) throws Exception {
        return JsonParser.parseString(harness.call("GET", "/api/jobs/" + id + "/continuous", null,
                PlatformHarness.API_KEY).body()).getAsJsonObject();
    }
}
