package dev.sppo.trainer;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;

import dev.sppo.checkpoint.Digests;
import dev.sppo.checkpoint.ModelDirectory;
import dev.sppo.contracts.store.CheckpointManifest;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Training a learned preference model over REST: validation, background training, the checkpoint in the store. */
class PreferenceModelApiTest {

    @TempDir
    static Path store;

    private static TrainerApp app;

    @BeforeAll
    static void start() {
        app = TrainerApp.start(TestInfrastructure.newDatabase(), store, "trainer-preference-model-test");
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void aSubmittedRankerTrainsInTheBackgroundAndLandsInTheStoreWithItsHeldOutAccuracy() throws Exception {
        HttpResponse<String> response = app.post("/preference-models", """
                {"name": "tiny ranker", "kind": "ranker", "pairs": 200, "model": {"hidden_size": 16, "layers": 1},
                 "training": {"epochs": 1}}
                """);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        String id = TrainerApp.object(response.body()).get("id").getAsString();
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith(id));

        JsonObject run = awaitFinished(id, Duration.ofMinutes(2));

        assertThat(run.get("state").getAsString()).as(run.toString()).isEqualTo("SUCCEEDED");
        assertThat(run.get("kind").getAsString()).isEqualTo("ranker");
        assertThat(run.toString()).contains("accuracy");
        Path checkpoint = Path.of(URI.create(run.get("uri").getAsString()));
        assertThat(checkpoint).startsWith(store.resolve("checkpoints"));
        assertThat(run.get("sha256").getAsString())
                .isEqualTo(Digests.sha256(checkpoint.resolve(ModelDirectory.WEIGHTS_FILE)));
        assertThat(run.get("manifestSha256").getAsString()).isEqualTo(CheckpointManifest.of(checkpoint).digest());
        assertThat(TrainerApp.object(app.get("/store/entries/" + id).body()).get("manifestSha256").getAsString())
                .isEqualTo(run.get("manifestSha256").getAsString());
        assertThat(app.count("SELECT count(*) FROM preference_models WHERE id = ? AND state = 'SUCCEEDED'", id))
                .isEqualTo(1);
    }

    @Test
    void badConfigsAreRefusedNamingTheFieldAndNothingIsStored() {
        int before = app.count("SELECT count(*) FROM preference_models");

        JsonObject noise = TrainerApp.object(app.post("/preference-models", "{\"label_noise\": 0.9}").body());
        JsonObject outDir = TrainerApp.object(app.post("/preference-models", "{\"out_dir\": \"/tmp\"}").body());
        JsonObject kind = TrainerApp.object(app.post("/preference-models", "{\"kind\": \"pairrm\"}").body());
        JsonObject head = TrainerApp.object(app.post("/preference-models", "{\"kind\": \"encoder_head\"}").body());

        assertThat(noise.get("status").getAsInt()).isEqualTo(400);
        assertThat(noise.toString()).contains("label_noise");
        assertThat(outDir.toString()).contains("out_dir").contains("owned by the server");
        assertThat(kind.toString()).contains("kind");
        assertThat(head.get("status").getAsInt()).isEqualTo(400);
        assertThat(head.toString()).contains("encoder_head trains with ./sppo train-preference");
        assertThat(app.count("SELECT count(*) FROM preference_models")).isEqualTo(before);
    }

    @Test
    void dataOutsideThePreferenceDataRootIsRefusedAlikeWhetherOrNotAFileLiesThere(@TempDir Path outside)
            throws Exception {
        Path pairs = writePairs(outside.resolve("pairs.jsonl"));
        Path root = Files.createDirectories(store.resolve("preference-data"));
        Path escaping = Files.createSymbolicLink(root.resolve("escaping.jsonl"), pairs);
        int before = app.count("SELECT count(*) FROM preference_models");

        JsonObject existing = submitWithData(pairs.toString());

        assertThat(existing.get("status").getAsInt()).isEqualTo(400);
        assertThat(existing.getAsJsonArray("errors")).singleElement().satisfies(error -> {
            assertThat(error.getAsJsonObject().get("field").getAsString()).isEqualTo("data");
            assertThat(error.getAsJsonObject().get("message").getAsString()).isEqualTo("the trainer reads preference "
                    + "data only from its preference data root (sppo.trainer.preference-models.data-root): name a "
                    + "file there, relative to it");
        });
        for (String data : List.of(outside.resolve("absent.jsonl").toString(), root.relativize(pairs).toString(),
                "../../../../../../etc/passwd", escaping.getFileName().toString())) {
            assertThat(submitWithData(data).get("errors")).as(data).isEqualTo(existing.get("errors"));
        }
        assertThat(app.count("SELECT count(*) FROM preference_models")).isEqualTo(before);
    }

    @Test
    void dataInsideTheRootIsStoredAsItsAbsolutePathAndAMissingFileThereIsNamed() throws Exception {
        Path root = Files.createDirectories(store.resolve("preference-data"));
        Path pairs = writePairs(Files.createDirectories(root.resolve("team")).resolve("pairs.jsonl"));

        HttpResponse<String> accepted = app.post("/preference-models", """
                {"data": "team/pairs.jsonl", "model": {"hidden_size": 16, "layers": 1}, "training": {"epochs": 1}}""");
        JsonObject missing = submitWithData("team/nothing.jsonl");

        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(201);
        assertThat(TrainerApp.object(accepted.body()).getAsJsonObject("config").get("data").getAsString())
                .isEqualTo(pairs.toRealPath().toString());
        assertThat(missing.get("status").getAsInt()).isEqualTo(400);
        assertThat(missing.toString()).contains("no file 'team/nothing.jsonl' in the preference data root");
    }

    @Test
    void anUnknownRunIs404() {
        assertThat(app.get("/preference-models/pm-nope").statusCode()).isEqualTo(404);
    }

    private static JsonObject submitWithData(String data) {
        JsonObject body = new JsonObject();
        body.addProperty("data", data);
        return TrainerApp.object(app.post("/preference-models", body.toString()).body());
    }

    /** Twenty pairs of the addition task: the right sum chosen, one more rejected. */
    private static Path writePairs(Path file) throws Exception {
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            JsonObject pair = new JsonObject();
            pair.addProperty("prompt", i + "+1=");
            pair.addProperty("chosen", String.valueOf(i + 1));
            pair.addProperty("rejected", String.valueOf(i + 2));
            lines.append(pair).append('\n');
        }
        return Files.writeString(file, lines);
    }

    private static JsonObject awaitFinished(String id, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            JsonObject run = TrainerApp.object(app.get("/preference-models/" + id).body());
            String state = run.get("state").getAsString();
            if (state.equals("SUCCEEDED") || state.equals("FAILED") || Instant.now().isAfter(deadline)) {
                return run;
            }
            TrainerApp.pause(Duration.ofMillis(250));
        }
    }
}
