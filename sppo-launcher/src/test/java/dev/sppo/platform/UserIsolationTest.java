package dev.sppo.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.sppo.embedded.FreePorts;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.StreamSupport;

/**
 * Per-user keys through the real gateway, trainer, broker and PostgreSQL: alice and bob (role user) each see and act
 * on their own jobs and datasets only, another user's answering exactly as an unknown id does (a 404 problem), and
 * the platform's admin key sees both; the audit log records who did what.
 */
class UserIsolationTest {

    private static final String ALICE = "alice-key-0123";
    private static final String BOB = "bob-key-4567";
    private static final String ADMIN = PlatformHarness.API_KEY;

    @TempDir
    static Path checkpoints;

    private static PlatformHarness harness;
    private static String bobsJob;

    @BeforeAll
    static void start() throws Exception {
        harness = new PlatformHarness(checkpoints, 1, FreePorts.next(), new ExtraSettings(replica -> List.of(),
                List.of(), List.of("--sppo.gateway.users[1].name=alice", "--sppo.gateway.users[1].keys=" + ALICE,
                        "--sppo.gateway.users[2].name=bob", "--sppo.gateway.users[2].keys=" + BOB)));
        bobsJob = submit(BOB, "bobs-job");
        JsonObject done = harness.awaitTerminal(bobsJob, Duration.ofMinutes(5));
        assertThat(done.get("state").getAsString()).as(done.toString()).isEqualTo("SUCCEEDED");
    }

    @AfterAll
    static void stop() throws Exception {
        harness.close();
    }

    @Test
    void anotherUsersJobAndItsResultsAnswerAsAnUnknownIdDoes() throws Exception {
        String checkpoint = bobsJob + "-v1";
        for (String[] request : new String[][] {
                {"GET", "/api/jobs/%s"}, {"GET", "/api/jobs/%s/continuous"}, {"GET", "/api/jobs/%s/samples/1"},
                {"POST", "/api/jobs/%s/cancel"}, {"POST", "/api/jobs/%s/pause"}, {"POST", "/api/jobs/%s/stop"}}) {
            String path = request[1].formatted(bobsJob);
            HttpResponse<String> refused = harness.call(request[0], path, null, ALICE);
            HttpResponse<String> unknown = harness.call(request[0], request[1].formatted("no-such-job"), null, ALICE);

            assertNotFound(refused, "no job with id '" + bobsJob + "'", path);
            assertThat(unknown.statusCode()).as(path).isEqualTo(404);
        }
        for (String path : List.of("/api/checkpoints/" + checkpoint, "/api/checkpoints/" + checkpoint + "/archive")) {
            assertNotFound(harness.call("GET", path, null, ALICE), "no checkpoint with id '" + checkpoint + "'", path);
        }
        assertThat(ids(ALICE)).doesNotContain(bobsJob);
        assertThat(state(bobsJob, BOB)).as("alice's cancel changed nothing").isEqualTo("SUCCEEDED");
    }

    @Test
    void theOwnerAndTheAdminSeeTheJobAndItsCheckpoint() throws Exception {
        for (String key : List.of(BOB, ADMIN)) {
            assertThat(ids(key)).as(key).contains(bobsJob);
            assertThat(state(bobsJob, key)).as(key).isEqualTo("SUCCEEDED");
            assertThat(harness.call("GET", "/api/checkpoints/" + bobsJob + "-v1", null, key).statusCode()).as(key)
                    .isEqualTo(200);
        }
    }

    @Test
    void aUserCancelsTheirOwnJobButNotAnothersAndTheAdminSeesBoth() throws Exception {
        String alicesJob = submit(ALICE, "alices-job");

        assertNotFound(harness.call("POST", "/api/jobs/" + alicesJob + "/cancel", null, BOB),
                "no job with id '" + alicesJob + "'", "bob cancelling alice's job");
        assertThat(state(alicesJob, ALICE)).isNotEqualTo("CANCELLED");
        HttpResponse<String> cancelled = harness.call("POST", "/api/jobs/" + alicesJob + "/cancel", null, ALICE);

        assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(200);
        assertThat(state(alicesJob, ALICE)).isEqualTo("CANCELLED");
        assertThat(ids(ALICE)).contains(alicesJob).doesNotContain(bobsJob);
        assertThat(ids(BOB)).contains(bobsJob).doesNotContain(alicesJob);
        assertThat(ids(ADMIN)).contains(alicesJob, bobsJob);
        assertThat(harness.query("SELECT owner FROM jobs WHERE id = '" + alicesJob + "'"))
                .containsExactly(List.of("alice"));
        assertThat(harness.query("SELECT username, action FROM audit_log WHERE kind = 'job' AND target = '" + alicesJob
                + "' ORDER BY id")).as("bob's refused cancel is not an action")
                .containsExactly(List.of("alice", "submitted"), List.of("alice", "cancelled"));
    }

    @Test
    void aUsersUploadedDatasetIsNotFoundForAnother() throws Exception {
        HttpResponse<String> uploaded = upload(ALICE, "/api/datasets?name=alices-prompts", """
                {"prompt": "Say hello."}
                {"prompt": "Name a colour."}
                """);
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
        String dataset = JsonParser.parseString(uploaded.body()).getAsJsonObject().get("id").getAsString();

        assertNotFound(harness.call("GET", "/api/datasets/" + dataset, null, BOB),
                "no dataset with id '" + dataset + "'", "bob reading alice's dataset");
        assertThat(harness.call("GET", "/api/datasets/" + dataset, null, ALICE).statusCode()).isEqualTo(200);
        assertThat(harness.call("GET", "/api/datasets/" + dataset, null, ADMIN).statusCode()).isEqualTo(200);
        assertThat(harness.call("GET", "/api/datasets", null, BOB).body()).doesNotContain(dataset);
        assertThat(harness.call("GET", "/api/datasets", null, ALICE).body()).contains(dataset);
    }

    private static void assertNotFound(HttpResponse<String> response, String detail, String what) {
        assertThat(response.statusCode()).as(what + ": " + response.body()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).as(what).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonObject problem = JsonParser.parseString(response.body()).getAsJsonObject();
        assertThat(problem.get("status").getAsInt()).as(what).isEqualTo(404);
        assertThat(problem.get("detail").getAsString()).as(what).isEqualTo(detail);
    }

    private static String submit(String key, String name) throws Exception {
        HttpResponse<String> created = harness.call("POST", "/api/jobs", PlatformHarness.tinyJob(name), key);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return JsonParser.parseString(created.body()).getAsJsonObject().get("id").getAsString();
    }

    private static String state(String id, String key) throws Exception {
        HttpResponse<String> response = harness.call("GET", "/api/jobs/" + id, null, key);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JsonParser.parseString(response.body()).getAsJsonObject().get("state").getAsString();
    }

    private static List<String> ids(String key) throws Exception {
        JsonArray jobs = JsonParser.parseString(harness.call("GET", "/api/jobs", null, key).body()).getAsJsonArray();
        return StreamSupport.stream(jobs.spliterator(), false).map(JsonElement::getAsJsonObject)
                .map(job -> job.get("id").getAsString()).toList();
    }

    private static HttpResponse<String> upload(String key, String path, String jsonl) throws Exception {
        return harness.upload(path, "application/x-ndjson", jsonl.getBytes(StandardCharsets.UTF_8), key);
    }
}
