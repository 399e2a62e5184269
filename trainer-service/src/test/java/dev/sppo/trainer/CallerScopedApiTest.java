package dev.sppo.trainer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sppo.service.auth.Caller;
import dev.sppo.trainer.job.JobRepository;
import dev.sppo.trainer.preferencemodel.PreferenceModelRepository;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The trainer's API as the gateway's user headers scope it: a user sees and acts on their own jobs, models and
 * preference models, another user's answering as an unknown id does (404 problem); an admin, and the platform (a
 * request without a user), see all.
 */
class CallerScopedApiTest {

    private static final Caller ALICE = new Caller("alice", false);
    private static final Caller BOB = new Caller("bob", false);
    private static final Caller ADMIN = new Caller("root", true);

    @TempDir
    static Path store;

    private static TrainerApp app;

    @BeforeAll
    static void start() {
        app = TrainerApp.start(TestInfrastructure.newDatabase(), store, "trainer-caller-test");
        app.bean(JobRepository.class).insert("alices-job", "a", "alice", Map.of("iterations", 1));
        app.bean(JobRepository.class).insert("bobs-job", "b", "bob", Map.of("iterations", 1));
        app.bean(JobRepository.class).insert("old-job", "o", null, Map.of("iterations", 1));
        app.bean(PreferenceModelRepository.class).insert("pm-alices", "rm", "reward_model", Map.of(), "alice");
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void everyJobRouteAnswersAnotherUsersJobAsAnUnknownOne() {
        for (String[] route : new String[][] {{"GET", "/jobs/%s"}, {"POST", "/jobs/%s/cancel"},
                {"POST", "/jobs/%s/pause"}, {"POST", "/jobs/%s/resume"}, {"POST", "/jobs/%s/stop"},
                {"GET", "/jobs/%s/continuous"}, {"GET", "/jobs/%s/samples/1"}}) {
            HttpResponse<String> response = app.as(BOB, route[0], route[1].formatted("alices-job"));

            assertThat(response.statusCode()).as(route[1]).isEqualTo(404);
            assertThat(TrainerApp.object(response.body()).get("detail").getAsString()).as(route[1])
                    .isEqualTo("no job with id 'alices-job'");
        }
        assertThat(app.count("SELECT count(*) FROM jobs WHERE state = 'QUEUED' AND id = 'alices-job'")).isOne();
    }

    @Test
    void theListHoldsTheCallersOwnJobsAndEveryJobForAnAdminOrThePlatform() {
        assertThat(ids(ALICE, "/jobs")).contains("alices-job").doesNotContain("bobs-job", "old-job");
        assertThat(ids(BOB, "/jobs")).contains("bobs-job").doesNotContain("alices-job", "old-job");
        assertThat(ids(ADMIN, "/jobs")).contains("alices-job", "bobs-job", "old-job");
        assertThat(ids(Caller.PLATFORM, "/jobs")).contains("alices-job", "bobs-job", "old-job");
        assertThat(app.as(ALICE, "GET", "/jobs/alices-job").statusCode()).isEqualTo(200);
        assertThat(app.as(ADMIN, "GET", "/jobs/bobs-job").statusCode()).isEqualTo(200);
        assertThat(app.as(ALICE, "GET", "/jobs/old-job").statusCode()).as("a job without owner: admins only")
                .isEqualTo(404);
    }

    @Test
    void aPreferenceModelIsSeenByItsOwnerAndAnAdminOnly() {
        assertThat(app.as(BOB, "GET", "/preference-models/pm-alices").statusCode()).isEqualTo(404);
        assertThat(app.as(ALICE, "GET", "/preference-models/pm-alices").statusCode()).isEqualTo(200);
        assertThat(app.as(ADMIN, "GET", "/preference-models/pm-alices").statusCode()).isEqualTo(200);
        assertThat(ids(BOB, "/preference-models")).doesNotContain("pm-alices");
        assertThat(ids(ALICE, "/preference-models")).containsExactly("pm-alices");
    }

    @Test
    void anUploadedModelIsSeenByItsOwnerAndAnAdminOnly() throws Exception {
        HttpResponse<String> uploaded = app.upload("/models?name=tiny", "application/x-tar",
                TinyModels.tar(TinyModels.write(store.resolve("tiny")), "", false));
        String id = TrainerApp.object(uploaded.body()).get("id").getAsString();
        app.jdbc().update("UPDATE models SET owner = 'alice' WHERE id = ?::uuid", id);

        assertThat(app.as(BOB, "GET", "/models/" + id).statusCode()).isEqualTo(404);
        assertThat(app.as(ALICE, "GET", "/models/" + id).statusCode()).isEqualTo(200);
        assertThat(ids(BOB, "/models")).doesNotContain(id);
        assertThat(ids(ADMIN, "/models")).contains(id);
    }

    private static List<String> ids(Caller caller, String path) {
        HttpResponse<String> response = app.as(caller, "GET", path);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return TrainerApp.array(response.body()).asList().stream()
                .map(e -> e.getAsJsonObject().get("id").getAsString()).toList();
    }
}
