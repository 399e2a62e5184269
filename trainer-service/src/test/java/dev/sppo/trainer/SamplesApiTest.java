package dev.sppo.trainer;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import dev.sppo.evaluation.SamplesFile;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A job's samples over REST against a real Postgres: the rows of the samples file its evaluation of a version wrote
 * into its run directory, a 404 problem for an unknown job and for a version without one, a 400 naming a version
 * below 1.
 */
class SamplesApiTest {

    @TempDir
    static Path store;

    private static TrainerApp app;
    private static String job;

    @BeforeAll
    static void start() {
        app = TrainerApp.start(TestInfrastructure.newDatabase(), store, "trainer-samples-test");
        job = app.submit(TinyJobs.json("samples", 1));
        app.post("/jobs/" + job + "/cancel", "");
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void theRowsOfTheVersionsSamplesFileComeBackAsWritten() throws IOException {
        write(2, """
                {"prompt_id": "p1", "prompt_text": "<|user|>\\nName a <b>colour</b>.", "base_response": "Red.", \
                "policy_response": "Blue, \\"mostly\\".\\nOr green.", "preference": 0.75}

                {"prompt_id": "p2", "prompt_text": "Count to three.", "base_response": "1 2", \
                "policy_response": "1 2 3", "preference": 1.0}
                """);

        HttpResponse<String> response = app.get("/jobs/" + job + "/samples/2");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonObject samples = TrainerApp.object(response.body());
        assertThat(samples.keySet()).containsExactly("job_id", "version", "rows");
        assertThat(samples.get("job_id").getAsString()).isEqualTo(job);
        assertThat(samples.get("version").getAsInt()).isEqualTo(2);
        JsonArray rows = samples.getAsJsonArray("rows");
        assertThat(rows).hasSize(2);
        JsonObject first = rows.get(0).getAsJsonObject();
        assertThat(first.keySet()).containsExactly("prompt_id", "prompt_text", "base_response", "policy_response",
                "preference");
        assertThat(first.get("prompt_id").getAsString()).isEqualTo("p1");
        assertThat(first.get("prompt_text").getAsString()).isEqualTo("<|user|>\nName a <b>colour</b>.");
        assertThat(first.get("base_response").getAsString()).isEqualTo("Red.");
        assertThat(first.get("policy_response").getAsString()).isEqualTo("Blue, \"mostly\".\nOr green.");
        assertThat(first.get("preference").getAsDouble()).isEqualTo(0.75);
        assertThat(rows.get(1).getAsJsonObject().get("preference").getAsDouble()).isEqualTo(1.0);
    }

    @Test
    void aVersionWithoutASamplesFileIsANotFoundProblemSayingTheJobHasNone() {
        HttpResponse<String> response = app.get("/jobs/" + job + "/samples/7");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(TrainerApp.object(response.body()).get("detail").getAsString())
                .startsWith("job '" + job + "' has no samples for version 7").contains("gold judge")
                .doesNotContain(store.toString());
    }

    @Test
    void anUnknownJobIsANotFoundProblem() {
        HttpResponse<String> response = app.get("/jobs/nope/samples/1");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(TrainerApp.object(response.body()).get("detail").getAsString()).isEqualTo("no job with id 'nope'");
    }

    @Test
    void aVersionBelowOneIsABadRequestNamingTheVersion() {
        for (String version : List.of("0", "-3")) {
            HttpResponse<String> response = app.get("/jobs/" + job + "/samples/" + version);

            assertThat(response.statusCode()).as(version).isEqualTo(400);
            JsonObject problem = TrainerApp.object(response.body());
            JsonObject error = problem.getAsJsonArray("errors").get(0).getAsJsonObject();
            assertThat(problem.getAsJsonArray("errors")).hasSize(1);
            assertThat(error.get("field").getAsString()).isEqualTo("version");
            assertThat(error.get("message").getAsString()).startsWith("must be 1 or more");
            assertThat(problem.get("detail").getAsString()).startsWith("version: must be 1 or more");
        }
        assertThat(app.get("/jobs/" + job + "/samples/two").statusCode()).isEqualTo(400);
    }

    private static void write(int version, String jsonl) throws IOException {
        Path run = Files.createDirectories(store.resolve("runs").resolve(job));
        Files.writeString(run.resolve(SamplesFile.name(version)), jsonl, StandardCharsets.UTF_8);
    }
}
