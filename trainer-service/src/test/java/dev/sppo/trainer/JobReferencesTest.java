package dev.sppo.trainer;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;

import dev.sppo.checkpoint.WeightFiles;
import dev.sppo.service.auth.Caller;
import dev.sppo.trainer.checkpoint.AdapterBase;
import dev.sppo.trainer.checkpoint.Checkpoint;
import dev.sppo.trainer.checkpoint.CheckpointRepository;
import dev.sppo.trainer.checkpoint.StoredCheckpoint;
import dev.sppo.trainer.config.FieldProblem;
import dev.sppo.trainer.config.JobReferences;
import dev.sppo.trainer.config.Resolution;
import dev.sppo.trainer.job.JobRepository;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * What a job names on the trainer, against a real Postgres: a recorded checkpoint or an uploaded model to start
 * from, a directory that must lie inside the models root, an uploaded prompt dataset.
 */
class JobReferencesTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(120);

    @TempDir
    static Path store;
    @TempDir
    static Path outside;

    private static TrainerApp app;
    private static SelfPlayPeer peer;
    private static Path model;

    @BeforeAll
    static void start() throws IOException {
        app = TrainerApp.start(TestInfrastructure.newDatabase(), store, "trainer-references-test");
        peer = new SelfPlayPeer();
        model = TinyModels.write(outside.resolve("tiny"));
    }

    @AfterAll
    static void stop() {
        peer.close();
        app.close();
    }

    @Test
    void aJobStartsFromAnyRecordedCheckpointWhichBecomesItsBasesParent() throws IOException {
        String first = app.submit(TinyJobs.json("first", 1));
        String source = first + "-v0";
        app.awaitCount("SELECT count(*) FROM checkpoints WHERE id = ?", 1, TIMEOUT, source);
        app.post("/jobs/" + first + "/cancel", "");

        String continued = app.submit(withBase(TinyJobs.json("continued", 1), "{\"checkpoint\": \"" + source + "\"}"));
        peer.answerUntilFinished(app, continued, TIMEOUT);

        JsonObject job = app.job(continued);
        assertThat(job.get("state").getAsString()).as(job.toString()).isEqualTo("SUCCEEDED");
        assertThat(job.getAsJsonObject("config").getAsJsonObject("base").get("checkpoint").getAsString())
                .isEqualTo(source);
        JsonObject base = job.getAsJsonArray("checkpoints").get(0).getAsJsonObject();
        assertThat(base.get("parentId").getAsString()).isEqualTo(source);
        assertSameWeights(directory(base), directory(TrainerApp.object(app.get("/checkpoints/" + source).body())));
    }

    @Test
    void aJobStartsFromAnUploadedModel() throws IOException {
        HttpResponse<String> uploaded = app.upload("/models?name=tiny", "application/x-tar",
                TinyModels.tar(model, "", false));
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
        String modelId = TrainerApp.object(uploaded.body()).get("id").getAsString();

        String job = app.submit(withBase(TinyJobs.json("uploaded", 1), "{\"model\": \"" + modelId + "\"}"));
        app.awaitCount("SELECT count(*) FROM checkpoints WHERE id = ?", 1, TIMEOUT, job + "-v0");
        app.post("/jobs/" + job + "/cancel", "");

        assertSameWeights(directory(TrainerApp.object(app.get("/checkpoints/" + job + "-v0").body())), model);
        assertThat(problem("{\"model\": \"" + UUID.randomUUID() + "\"}").field()).isEqualTo("base.model");
    }

    @Test
    void anotherUsersDatasetModelAndCheckpointAreNamedAsUnknownOnesWhileTheOwnerAndAnAdminResolveThem()
            throws IOException {
        String dataset = uploadDataset("?name=alices");
        HttpResponse<String> uploaded = app.upload("/models?name=alices", "application/x-tar",
                TinyModels.tar(model, "", false));
        String modelId = TrainerApp.object(uploaded.body()).get("id").getAsString();
        String job = app.submit(TinyJobs.json("alices", 1));
        app.awaitCount("SELECT count(*) FROM checkpoints WHERE id = ?", 1, TIMEOUT, job + "-v0");
        app.post("/jobs/" + job + "/cancel", "");
        app.jdbc().update("UPDATE datasets SET owner = 'alice' WHERE id = ?::uuid", dataset);
        app.jdbc().update("UPDATE models SET owner = 'alice' WHERE id = ?::uuid", modelId);
        app.jdbc().update("UPDATE jobs SET owner = 'alice' WHERE id = ?", job);
        Map<String, Object> byModel = Map.of("prompts", Map.of("dataset", dataset), "base", Map.of("model", modelId));
        Map<String, Object> byCheckpoint = Map.of("base", Map.of("checkpoint", job + "-v0"));
        JobReferences references = app.bean(JobReferences.class);
        Caller bob = new Caller("bob", false);

        assertThat(references.resolve(byModel, bob).problems()).containsExactlyInAnyOrder(
                new FieldProblem("prompts.dataset", "no dataset with id '" + dataset
                        + "' (GET /api/datasets lists them)"),
                new FieldProblem("base.model", "no uploaded model with id '" + modelId
                        + "' (GET /api/models lists them)"));
        assertThat(references.resolve(byCheckpoint, bob).problems()).containsExactly(
                new FieldProblem("base.checkpoint", "no checkpoint with id '" + job + "-v0'"));
        for (Caller allowed : List.of(new Caller("alice", false), new Caller("root", true))) {
            assertThat(references.resolve(byModel, allowed).problems()).as(allowed.toString()).isEmpty();
            assertThat(references.resolve(byCheckpoint, allowed).problems()).as(allowed.toString()).isEmpty();
        }
    }

    @Test
    void aBasePathOutsideTheModelsRootIsRefusedInWordsThatTellNothingAboutTheDisk() throws IOException {
        Path models = Files.createDirectories(store.resolve("models"));
        Files.createSymbolicLink(models.resolve("escape"), model);
        List<String> outsideThePaths = List.of(model.toString(), "/no/such/model", "../" + model.getFileName(),
                "escape", models.resolve(".incoming").toString());

        List<FieldProblem> refused = outsideThePaths.stream()
                .map(path -> problem("{\"path\": \"" + path + "\"}")).toList();

        assertThat(refused).extracting(FieldProblem::field).containsOnly("base.path");
        assertThat(refused).extracting(FieldProblem::message).containsOnly(refused.get(0).message());
        assertThat(refused.get(0).message()).doesNotContain(store.toString()).doesNotContain(outside.toString())
                .contains("models root");
    }

    @Test
    void aBasePathInsideTheModelsRootMustHoldAModel() throws IOException {
        Path inside = store.resolve("models").resolve("operator-placed");
        Files.createDirectories(inside.getParent());
        copyTree(model, inside);

        FieldProblem missing = problem("{\"path\": \"missing-model\"}");
        HttpResponse<String> relative = app.post("/jobs", withBase(TinyJobs.json("relative", 1),
                "{\"path\": \"operator-placed\"}"));
        HttpResponse<String> absolute = app.post("/jobs", withBase(TinyJobs.json("absolute", 1),
                "{\"path\": \"" + inside + "\"}"));

        assertThat(missing).isEqualTo(new FieldProblem("base.path",
                "no Hugging Face model directory (config.json) at 'missing-model' in the models root"));
        for (HttpResponse<String> accepted : List.of(relative, absolute)) {
            assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(201);
            app.post("/jobs/" + TrainerApp.object(accepted.body()).get("id").getAsString() + "/cancel", "");
        }
    }

    @Test
    void aBaseNamesOneSourceAndUnknownCheckpointsAreRefused() {
        assertThat(problem("{\"path\": \"x\", \"checkpoint\": \"y\"}")).isEqualTo(new FieldProblem("base.checkpoint",
                "base names path and checkpoint; name one of path, model and checkpoint"));
        assertThat(problem("{\"checkpoint\": \"no-such-job-v0\"}")).isEqualTo(new FieldProblem("base.checkpoint",
                "no checkpoint with id 'no-such-job-v0'"));
        assertThat(problem("{\"checkpoint\": 7}")).isEqualTo(new FieldProblem("base.checkpoint", "expected text"));
    }

    @Test
    void anAdapterCheckpointIsRefusedAsABaseNamingItsBase() {
        String job = "adapter-source";
        app.bean(JobRepository.class).insert(job, "adapter source", null, Map.of("iterations", 1));
        CheckpointRepository checkpoints = app.bean(CheckpointRepository.class);
        Checkpoint base = checkpoints.record(job, 0, new StoredCheckpoint(URI.create("file:/store/" + job + "-v0"),
                "a".repeat(64), "b".repeat(64), 10), null);
        checkpoints.record(job, 1, new StoredCheckpoint(URI.create("file:/store/" + job + "-v1"), "c".repeat(64),
                "d".repeat(64), 2), base.id(), AdapterBase.of(base));

        assertThat(problem("{\"checkpoint\": \"" + job + "-v1\"}")).isEqualTo(new FieldProblem("base.checkpoint",
                "checkpoint 'adapter-source-v1' is a LoRA adapter on 'adapter-source-v0'; a job starts from a model "
                        + "checkpoint (name the base, or `./sppo merge` the adapter into it and upload the result)"));
    }

    @Test
    void aPromptsDatasetIsResolvedToTheStoredFileWithTheFieldsItWasCheckedWith() {
        String id = uploadDataset("?name=uf&prompt_field=instruction&messages_field=");
        JobReferences references = app.bean(JobReferences.class);

        Resolution resolved = references.resolve(Map.of("prompts", Map.of("dataset", id, "eval_fraction", 0.1)),
                Caller.PLATFORM);
        Resolution refused = references.resolve(Map.of("prompts", Map.of("path", "/etc/passwd", "format", "csv",
                "dataset", "00000000-0000-0000-0000-000000000000")), Caller.PLATFORM);

        Map<String, Object> expected = new HashMap<>(Map.of("path",
                store.resolve("datasets").resolve(id + ".jsonl").toString(), "eval_fraction", 0.1, "id_field", "id",
                "prompt_field", "instruction"));
        expected.put("messages_field", null);
        assertThat(resolved.problems()).isEmpty();
        assertThat(resolved.tree().get("prompts")).isEqualTo(expected);
        assertThat(refused.problems()).extracting(FieldProblem::field)
                .containsExactly("prompts.path", "prompts.format", "prompts.dataset");
        assertThat(refused.problems().get(2).message()).startsWith("no dataset with id");
        assertThat(refused.tree().get("prompts")).isEqualTo(Map.of());
    }

    @Test
    void aJobNamingAnUnknownDatasetOrAnEvalDatasetReadWithOtherFieldsIsRefused() {
        String plain = uploadDataset("?name=plain");
        String renamed = uploadDataset("?name=renamed&prompt_field=instruction&messages_field=");

        JsonObject unknown = TrainerApp.object(app.post("/jobs", "{\"prompts\": {\"dataset\": \"nope\"}}").body());
        Resolution mismatched = app.bean(JobReferences.class).resolve(Map.of("prompts", Map.of("dataset", plain,
                "eval_dataset", renamed)), Caller.PLATFORM);

        assertThat(unknown.get("status").getAsInt()).isEqualTo(400);
        assertThat(unknown.getAsJsonArray("errors").asList()).extracting(e -> e.getAsJsonObject().get("field")
                .getAsString()).contains("prompts.dataset");
        assertThat(mismatched.problems()).extracting(FieldProblem::field).containsExactly("prompts.eval_dataset");
    }

    @Test
    void preferenceModelsOutsideTheStoreAndTheModelsRootAreRefusedInWordsThatTellNothingAboutTheDisk()
            throws IOException {
        Path inStore = Files.createDirectories(store.resolve("checkpoints").resolve("rm-test"));
        JobReferences references = app.bean(JobReferences.class);

        Resolution resolved = references.resolve(Map.of(
                "preference", Map.of("kind", "reward_model", "model_uri", inStore.toUri().toString()),
                "evaluation", Map.of("judge", Map.of("kind", "ranker", "model_uri", "checkpoints/rm-test"))),
                Caller.PLATFORM);
        Resolution refused = references.resolve(Map.of(
                "preference", Map.of("kind", "ensemble", "members", List.of(
                        Map.of("spec", Map.of("kind", "ranker", "model_uri", model.toString()), "weight", 0.5),
                        Map.of("spec", Map.of("kind", "ranker", "model_uri", "/no/such/dir"), "weight", 0.5))),
                "evaluation", Map.of("judge", Map.of("kind", "reward_model", "model_uri", "../" + outside.getFileName()
                        + "/tiny"))), Caller.PLATFORM);

        assertThat(resolved.problems()).isEmpty();
        assertThat(resolved.tree()).extracting(tree -> ((Map<?, ?>) tree.get("preference")).get("model_uri"))
                .isEqualTo(inStore.toRealPath().toString());
        assertThat(refused.problems()).extracting(FieldProblem::field).containsExactly(
                "preference.members[0].spec.model_uri", "preference.members[1].spec.model_uri",
                "evaluation.judge.model_uri");
        assertThat(refused.problems()).extracting(FieldProblem::message).as("an existing and a missing directory")
                .containsOnly(refused.problems().get(0).message()).allSatisfy(message -> assertThat(message)
                        .contains("checkpoint store").doesNotContain(outside.toString()));
    }

    private static String uploadDataset(String query) {
        String line = query.contains("instruction") ? "{\"instruction\": \"Explain tides.\", \"messages\": []}\n"
                : "{\"prompt\": \"Explain tides.\"}\n";
        HttpResponse<String> response = app.upload("/datasets" + query, "application/x-ndjson",
                line.getBytes(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return TrainerApp.object(response.body()).get("id").getAsString();
    }

    /** The one problem of a job whose base section is {@code base}. */
    private static FieldProblem problem(String base) {
        HttpResponse<String> response = app.post("/jobs", withBase(TinyJobs.json("refused", 1), base));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        JsonObject error = TrainerApp.object(response.body()).getAsJsonArray("errors").get(0).getAsJsonObject();
        return new FieldProblem(error.get("field").getAsString(), error.get("message").getAsString());
    }

    private static String withBase(String job, String base) {
        JsonObject body = TrainerApp.object(job);
        body.add("base", TrainerApp.object(base));
        return body.toString();
    }

    private static Path directory(JsonObject checkpoint) {
        return Path.of(URI.create(checkpoint.get("uri").getAsString()));
    }

    private static void assertSameWeights(Path actual, Path expected) {
        try (WeightFiles a = WeightFiles.open(actual); WeightFiles e = WeightFiles.open(expected)) {
            assertThat(a.names()).isEqualTo(e.names());
            for (String name : e.names()) {
                assertThat(a.readFloats(name)).as(name).isEqualTo(e.readFloats(name));
            }
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : files.toList()) {
                Files.copy(file, to.resolve(file.getFileName()));
            }
        }
    }
}
