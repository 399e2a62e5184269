package dev.sppo.trainer;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import dev.sppo.checkpoint.Digests;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Prompt datasets over REST against a real Postgres: an upload is streamed to the store, hashed, checked line by line
 * with the engine's prompt reader and recorded; a refused upload (too large, a bad line) leaves nothing behind.
 */
class DatasetApiTest {

    private static final int MAX_BYTES = 4096;
    private static final String JSONL = "application/x-ndjson";

    @TempDir
    static Path store;

    private static TrainerApp app;

    @BeforeAll
    static void start() {
        app = TrainerApp.start(TestInfrastructure.newDatabase(), store, "trainer-dataset-test",
                "--sppo.trainer.datasets.max-bytes=" + MAX_BYTES + "B");
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @AfterEach
    void noUploadIsLeftHalfWritten() throws IOException {
        assertThat(files(store.resolve("datasets").resolve(".incoming"))).isEmpty();
    }

    @Test
    void anUploadIsStoredWithItsSha256SizeAndPromptCountAndListed() throws IOException {
        byte[] file = """
                {"id": "a", "prompt": "Name a colour."}
                {"messages": [{"role": "system", "content": "Be brief."}, {"role": "user", "content": "Hi"}]}

                {"prompt": "Count to three.", "metadata": {"source": "test"}}
                """.getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> response = app.upload("/datasets?name=greetings&file_name=greetings.jsonl", JSONL, file);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonObject dataset = TrainerApp.object(response.body());
        String id = dataset.get("id").getAsString();
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith(
                "/datasets/" + id));
        assertThat(dataset.get("name").getAsString()).isEqualTo("greetings");
        assertThat(dataset.get("fileName").getAsString()).isEqualTo("greetings.jsonl");
        assertThat(dataset.get("format").getAsString()).isEqualTo("jsonl");
        assertThat(dataset.get("sha256").getAsString()).isEqualTo(Digests.sha256(file));
        assertThat(dataset.get("bytes").getAsLong()).isEqualTo(file.length);
        assertThat(dataset.get("prompts").getAsLong()).isEqualTo(3);
        assertThat(dataset.has("createdAt")).isTrue();
        Path stored = store.resolve("datasets").resolve(id + ".jsonl");
        assertThat(Files.readAllBytes(stored)).isEqualTo(file);
        assertThat(app.count("SELECT count(*) FROM datasets WHERE id = ?::uuid AND sha256 = ? AND bytes = ?", id,
                Digests.sha256(file), file.length)).isEqualTo(1);
        assertThat(TrainerApp.object(app.get("/datasets/" + id).body())).isEqualTo(dataset);
        assertThat(ids(app.get("/datasets").body())).contains(id);
    }

    @Test
    void aCsvUploadIsReadWithTheGivenColumnsAndAStreamedBodyIsCountedAsItArrives() {
        byte[] file = "question,topic\n\"Why is the sky blue?\",physics\n\"What is 2+2, roughly?\",maths\n"
                .getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> response = app.uploadChunked("/datasets?name=questions&prompt_field=question",
                "text/csv; charset=utf-8", file);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonObject dataset = TrainerApp.object(response.body());
        assertThat(dataset.get("format").getAsString()).isEqualTo("csv");
        assertThat(dataset.get("prompts").getAsLong()).isEqualTo(2);
        assertThat(dataset.get("sha256").getAsString()).isEqualTo(Digests.sha256(file));
        assertThat(dataset.getAsJsonObject("fields").get("prompt").getAsString()).isEqualTo("question");
        assertThat(store.resolve("datasets").resolve(dataset.get("id").getAsString() + ".csv")).exists();
    }

    @Test
    void anUploadOverTheLimitIs413AndNothingIsStored() {
        byte[] file = ("{\"prompt\": \"" + "x".repeat(MAX_BYTES) + "\"}\n").getBytes(StandardCharsets.UTF_8);
        int before = app.count("SELECT count(*) FROM datasets");

        HttpResponse<String> declared = app.upload("/datasets?name=big", JSONL, file);
        HttpResponse<String> streamed = app.uploadChunked("/datasets?name=big", JSONL, file);

        for (HttpResponse<String> response : List.of(declared, streamed)) {
            assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
            assertThat(TrainerApp.object(response.body()).get("detail").getAsString())
                    .contains(String.valueOf(MAX_BYTES)).contains("sppo.trainer.datasets.max-bytes");
        }
        assertThat(app.count("SELECT count(*) FROM datasets")).isEqualTo(before);
    }

    @Test
    void aBadLineIs400NamingTheLineAndFieldAndNothingIsStored() throws IOException {
        byte[] file = """
                {"prompt": "fine"}
                {"messages": [{"role": "user", "content": "a"}, {"role": "bot", "content": "b"}]}
                """.getBytes(StandardCharsets.UTF_8);
        List<Path> before = files(store.resolve("datasets"));
        int rows = app.count("SELECT count(*) FROM datasets");

        HttpResponse<String> response = app.upload("/datasets?name=bad", JSONL, file);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        JsonObject problem = TrainerApp.object(response.body());
        assertThat(problem.get("line").getAsLong()).isEqualTo(2);
        assertThat(problem.get("field").getAsString()).isEqualTo("messages[1].role");
        assertThat(problem.get("detail").getAsString())
                .isEqualTo("line 2, field 'messages[1].role': unknown role 'bot' (known: system, user, assistant)")
                .doesNotContain(store.toString());
        assertThat(app.count("SELECT count(*) FROM datasets")).isEqualTo(rows);
        assertThat(files(store.resolve("datasets"))).isEqualTo(before);
    }

    @Test
    void aFileWithoutPromptsAndBadParametersAreRefused() {
        JsonObject empty = TrainerApp.object(app.upload("/datasets?name=empty", JSONL, new byte[0]).body());
        JsonObject noName = TrainerApp.object(app.upload("/datasets", JSONL, "{\"prompt\": \"a\"}".getBytes(
                StandardCharsets.UTF_8)).body());
        JsonObject noForm = TrainerApp.object(app.upload("/datasets?name=x&prompt_field=&messages_field=", JSONL,
                "{\"prompt\": \"a\"}".getBytes(StandardCharsets.UTF_8)).body());

        assertThat(empty.get("status").getAsInt()).isEqualTo(400);
        assertThat(empty.get("detail").getAsString()).isEqualTo("no prompts");
        assertThat(noName.get("status").getAsInt()).isEqualTo(400);
        assertThat(noName.get("detail").getAsString()).contains("name");
        assertThat(noForm.get("status").getAsInt()).isEqualTo(400);
        assertThat(noForm.get("parameter").getAsString()).isEqualTo("prompt_field");
    }

    @Test
    void anotherContentTypeIs415() {
        HttpResponse<String> response = app.post("/datasets?name=json", "{\"prompt\": \"a\"}");

        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
    }

    @Test
    void unknownAndMalformedIdsAreNotFoundProblems() {
        for (String id : List.of("00000000-0000-0000-0000-000000000000", "nope", "12345")) {
            HttpResponse<String> response = app.get("/datasets/" + id);
            assertThat(response.statusCode()).as(id).isEqualTo(404);
            assertThat(TrainerApp.object(response.body()).get("detail").getAsString()).startsWith("no dataset with id");
        }
    }

    private static List<String> ids(String json) {
        return StreamSupport.stream(TrainerApp.array(json).spliterator(), false)
                .map(JsonElement::getAsJsonObject).map(o -> o.get("id").getAsString()).toList();
    }

    private static List<Path> files(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return List.of();
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            return paths.filter(Files::isRegularFile).sorted().toList();
        }
    }
}
