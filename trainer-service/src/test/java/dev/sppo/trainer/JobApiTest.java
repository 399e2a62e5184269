package dev.sppo.trainer;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.StreamSupport;

/**
 * The REST contract: validation problems naming fields, 404 for unknown ids, 409 for cancelling a finished job
 * and for continuous-job actions on a batch job.
 */
class JobApiTest {

    @TempDir
    static Path store;

    private static TrainerApp app;

    @BeforeAll
    static void start() {
        app = TrainerApp.start(TestInfrastructure.newDatabase(), store, "trainer-api-test");
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void invalidConfigIsRefusedWithAProblemNamingEveryBadField() {
        int jobsBefore = app.count("SELECT count(*) FROM jobs");
        HttpResponse<String> response = app.post("/jobs", """
                {"name": 5, "run_dir": "/tmp/x", "iterations": "three",
                 "training": {"beta": -1, "betta": 2}, "sampling": {"k": 1}}
                """);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonObject problem = TrainerApp.object(response.body());
        assertThat(problem.get("status").getAsInt()).isEqualTo(400);
        assertThat(fields(problem)).containsExactlyInAnyOrder(
                "name", "run_dir", "iterations", "training.beta", "training.betta", "sampling.k");
        assertThat(message(problem, "training.beta")).contains("beta must be a finite number > 0");
        assertThat(message(problem, "iterations")).contains("expected a whole number");
        assertThat(message(problem, "training.betta")).contains("unknown setting");
        assertThat(problem.get("detail").getAsString()).contains("training.beta");
        assertThat(app.count("SELECT count(*) FROM jobs")).as("nothing stored for a refused job").isEqualTo(jobsBefore);
    }

    @Test
    void aBadPreferenceSectionIsRefusedWithItsFieldPathAlongsideTheOtherMistakes() {
        HttpResponse<String> response = app.post("/jobs", """
                {"training": {"beta": -1}, "preference": {"kind": "ensemble", "members": [
                   {"spec": {"kind": "gold_judge"}, "weight": 0.5}, {"spec": {"kind": "llm_judge"}, "weight": 0.5}]}}
                """);

        assertThat(response.statusCode()).isEqualTo(400);
        JsonObject problem = TrainerApp.object(response.body());
        assertThat(fields(problem)).containsExactlyInAnyOrder("training.beta", "preference.members[1].spec.judge");
        assertThat(message(problem, "preference.members[1].spec.judge")).contains("required");
    }

    @Test
    void configTheTrainerCannotServeIsRefusedBeforeItRuns() {
        JsonObject tooFewPrompts = TrainerApp.object(app.post("/jobs", """
                {"prompts_per_iteration": 5000, "evaluation": {"prompts": 5000}, "base": {"path": "/no/such/model"}}
                """).body());
        JsonObject overLimit = TrainerApp.object(app.post("/jobs", """
                {"iterations": 10, "prompts_per_iteration": 100000}
                """).body());

        assertThat(fields(tooFewPrompts)).containsExactlyInAnyOrder("prompts_per_iteration", "evaluation.prompts",
                "base.path");
        assertThat(message(tooFewPrompts, "prompts_per_iteration")).contains("distinct TRAIN prompts");
        assertThat(message(overLimit, "prompts_per_iteration")).contains("1000000 training prompts")
                .contains("at most 200000");
    }

    @Test
    void bodyThatIsNotAJsonObjectIsAProblemNotAStackTrace() {
        HttpResponse<String> response = app.post("/jobs", "[1, 2");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("JSON object").doesNotContain("Exception").doesNotContain("at dev.");
    }

    @Test
    void malformedJsonInsideTheTreeIsTheSameProblemAsABodyThatIsNotAJsonObject() {
        HttpResponse<String> response = app.post("/jobs", "{\"training\": {\"beta\": [1, }}");

        assertThat(response.statusCode()).isEqualTo(400);
        JsonObject problem = TrainerApp.object(response.body());
        assertThat(problem.get("title").getAsString()).isEqualTo("Unreadable request body");
        assertThat(problem.get("detail").getAsString())
                .isEqualTo("the request body must be a JSON object of job settings");
        assertThat(problem.has("errors")).isFalse();
    }

    @Test
    void unknownIdsAreNotFoundProblems() {
        for (String path : List.of("/jobs/nope", "/checkpoints/nope", "/checkpoints/nope/archive")) {
            HttpResponse<String> response = app.get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(TrainerApp.object(response.body()).get("detail").getAsString()).contains("'nope'");
        }
        assertThat(app.post("/jobs/nope/cancel", "").statusCode()).isEqualTo(404);
    }

    @Test
    void cancellingAFinishedJobIsAConflict() {
        String first = app.submit(TinyJobs.json("first", 1));
        String second = app.submit(TinyJobs.json("second", 1));

        HttpResponse<String> cancelled = app.post("/jobs/" + second + "/cancel", "");
        assertThat(cancelled.statusCode()).isEqualTo(200);
        assertThat(TrainerApp.object(cancelled.body()).get("state").getAsString()).isEqualTo("CANCELLED");
        HttpResponse<String> again = app.post("/jobs/" + second + "/cancel", "");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(TrainerApp.object(again.body()).get("detail").getAsString()).contains("already CANCELLED");

        JsonArray jobs = TrainerApp.array(app.get("/jobs").body());
        assertThat(jobs.get(0).getAsJsonObject().get("id").getAsString()).as("newest first").isEqualTo(second);
        assertThat(jobs.get(1).getAsJsonObject().get("id").getAsString()).isEqualTo(first);
        assertThat(app.post("/jobs/" + first + "/cancel", "").statusCode()).isEqualTo(200);
    }

    @Test
    void badContinuousSettingsAreNamedAndContinuousActionsOnABatchJobAreConflicts() {
        JsonObject problem = TrainerApp.object(app.post("/jobs", """
                {"continuous": {"round_prompts": 0}}
                """).body());
        String batch = app.submit(TinyJobs.json("batch", 1));

        assertThat(fields(problem)).containsExactly("continuous.round_prompts");
        for (String action : List.of("pause", "resume", "stop")) {
            HttpResponse<String> refused = app.post("/jobs/" + batch + "/" + action, "");
            assertThat(refused.statusCode()).as(action).isEqualTo(409);
            assertThat(TrainerApp.object(refused.body()).get("detail").getAsString()).contains("not a continuous job");
        }
        assertThat(app.get("/jobs/" + batch + "/continuous").statusCode()).isEqualTo(409);
        assertThat(app.post("/jobs/nope/pause", "").statusCode()).isEqualTo(404);
        assertThat(TrainerApp.object(app.get("/jobs/" + batch).body()).get("kind").getAsString()).isEqualTo("batch");
        app.post("/jobs/" + batch + "/cancel", "");
    }

    @Test
    void submittedJobEchoesItsConfigAndLocation() {
        HttpResponse<String> response = app.post("/jobs", TinyJobs.json("echo", 1));

        assertThat(response.statusCode()).isEqualTo(201);
        JsonObject job = TrainerApp.object(response.body());
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/jobs/" + job.get("id").getAsString()));
        assertThat(job.get("name").getAsString()).isEqualTo("echo");
        assertThat(job.getAsJsonObject("config").get("prompts_per_iteration").getAsInt()).isEqualTo(8);
        assertThat(job.getAsJsonObject("config").has("name")).isFalse();
        app.post("/jobs/" + job.get("id").getAsString() + "/cancel", "");
    }

    @Test
    void withoutTheServiceKeyEveryRouteIsA401ProblemWhileTheProbesAnswer() {
        HttpResponse<String> jobs = app.get("/jobs", null);
        HttpResponse<String> wrong = app.get("/checkpoints/ckpt-x", "wrong-" + TrainerApp.SERVICE_KEY);

        assertThat(jobs.statusCode()).isEqualTo(401);
        assertThat(jobs.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(TrainerApp.object(jobs.body()).get("detail").getAsString()).contains("X-Service-Key");
        assertThat(wrong.statusCode()).as("refused before the route says whether it exists").isEqualTo(401);
        assertThat(app.get("/actuator/metrics", null).statusCode()).isEqualTo(401);
        assertThat(app.get("/actuator/health", null).statusCode()).isEqualTo(200);
        assertThat(app.get("/actuator/prometheus", null).statusCode()).isEqualTo(200);
        assertThat(app.get("/jobs").statusCode()).isEqualTo(200);
    }

    @Test
    void prometheusEndpointExportsTrainerMeters() {
        HttpResponse<String> response = app.get("/actuator/prometheus");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("sppo_trainer_iteration").contains("sppo_trainer_win_rate_vs_base");
    }

    private static List<String> fields(JsonObject problem) {
        return StreamSupport.stream(problem.getAsJsonArray("errors").spliterator(), false)
                .map(e -> e.getAsJsonObject().get("field").getAsString()).toList();
    }

    private static String message(JsonObject problem, String field) {
        for (JsonElement e : problem.getAsJsonArray("errors")) {
            if (e.getAsJsonObject().get("field").getAsString().equals(field)) {
                return e.getAsJsonObject().get("message").getAsString();
            }
        }
        throw new AssertionError("no error for " + field + " in " + problem);
    }
}
