package dev.sppo.trainer;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;

import dev.sppo.checkpoint.Digests;
import dev.sppo.checkpoint.ModelDirectory;
import dev.sppo.model.LlamaConfig;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Model uploads over REST against a real Postgres: a tar archive of a Hugging Face directory is unpacked into the
 * models root as it streams in, checked with the engine and recorded with the archive's sha256; an unsafe entry, a
 * model the engine cannot load or an archive over the limit is refused and leaves nothing behind.
 */
class ModelApiTest {

    private static final int MAX_BYTES = 1 << 20;
    private static final String TAR = "application/x-tar";
    /** Where an absolute entry would land if it were written as named. */
    private static final Path ABSOLUTE_TARGET = Path.of(System.getProperty("java.io.tmpdir"),
            "sppo-evil-" + UUID.randomUUID());

    @TempDir
    static Path store;
    @TempDir
    static Path work;

    private static TrainerApp app;
    private static Path model;

    @BeforeAll
    static void start() throws IOException {
        app = TrainerApp.start(TestInfrastructure.newDatabase(), store, "trainer-model-test",
                "--sppo.trainer.models.max-bytes=" + MAX_BYTES + "B");
        model = TinyModels.write(work.resolve("tiny"));
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @AfterEach
    void nothingIsLeftInStaging() throws IOException {
        Path incoming = models().resolve(".incoming");
        if (Files.exists(incoming)) {
            try (Stream<Path> left = Files.list(incoming)) {
                assertThat(left).isEmpty();
            }
        }
    }

    @Test
    void anArchiveIsUnpackedIntoTheModelsRootAndRecordedWithItsSha256() throws IOException {
        byte[] archive = TinyModels.tar(model, "", false);

        HttpResponse<String> response = app.upload("/models?name=tiny", TAR, archive);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonObject recorded = TrainerApp.object(response.body());
        String id = recorded.get("id").getAsString();
        assertThat(recorded.get("name").getAsString()).isEqualTo("tiny");
        assertThat(recorded.get("modelType").getAsString()).isEqualTo("llama");
        assertThat(recorded.get("sha256").getAsString()).isEqualTo(Digests.sha256(archive));
        assertThat(recorded.get("bytes").getAsLong()).isEqualTo(archive.length);
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith(
                "/models/" + id));
        Path unpacked = models().resolve(id);
        assertThat(Digests.sha256(unpacked.resolve(ModelDirectory.WEIGHTS_FILE)))
                .isEqualTo(Digests.sha256(model.resolve(ModelDirectory.WEIGHTS_FILE)));
        assertThat(app.count("SELECT count(*) FROM models WHERE id = ?::uuid AND sha256 = ?", id,
                Digests.sha256(archive))).isEqualTo(1);
        assertThat(TrainerApp.object(app.get("/models/" + id).body())).isEqualTo(recorded);
        assertThat(app.get("/models").body()).contains(id);
    }

    @Test
    void aGzipArchiveOfTheDirectoryItselfIsAcceptedAndStreamedBodiesAreHashedWhole() throws IOException {
        byte[] archive = TinyModels.tar(model, "tiny-model/", true);

        HttpResponse<String> response = app.uploadChunked("/models?name=wrapped", "application/gzip", archive);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonObject recorded = TrainerApp.object(response.body());
        assertThat(recorded.get("sha256").getAsString()).isEqualTo(Digests.sha256(archive));
        assertThat(models().resolve(recorded.get("id").getAsString()).resolve(LlamaConfig.FILE_NAME)).isRegularFile();
    }

    static Stream<TarArchiveEntry> hostileEntries() {
        return Stream.of(TinyModels.file("../evil"), TinyModels.file("nested/../../evil"),
                TinyModels.file(ABSOLUTE_TARGET.toString()),
                TinyModels.link("evil", TarConstants.LF_SYMLINK, "/etc/passwd"),
                TinyModels.link("evil", TarConstants.LF_LINK, LlamaConfig.FILE_NAME),
                new TarArchiveEntry("evil", TarConstants.LF_FIFO), TinyModels.file(LlamaConfig.FILE_NAME));
    }

    @ParameterizedTest
    @MethodSource("hostileEntries")
    void anEntryThatIsNotANewRelativeRegularFileIsRefusedAndNothingIsWritten(TarArchiveEntry hostile)
            throws IOException {
        int rows = app.count("SELECT count(*) FROM models");
        List<Path> before = filesUnder(store);

        HttpResponse<String> response = app.upload("/models?name=hostile", TAR,
                TinyModels.tarWithHostileEntry(model, hostile));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        JsonObject problem = TrainerApp.object(response.body());
        assertThat(problem.get("entry").getAsString()).isEqualTo(hostile.getName());
        assertThat(problem.get("detail").getAsString()).doesNotContain(store.toString());
        assertThat(app.count("SELECT count(*) FROM models")).isEqualTo(rows);
        assertThat(filesUnder(store)).isEqualTo(before);
        assertThat(ABSOLUTE_TARGET).doesNotExist();
    }

    @Test
    void aModelTheEngineCannotLoadIsRefusedInWordsWithoutTrainerPaths() throws IOException {
        Path unsupported = Files.createDirectories(work.resolve("unsupported"));
        Files.copy(model.resolve(ModelDirectory.WEIGHTS_FILE), unsupported.resolve(ModelDirectory.WEIGHTS_FILE));
        Files.writeString(unsupported.resolve(LlamaConfig.FILE_NAME), Files.readString(model.resolve(
                LlamaConfig.FILE_NAME)).replace("\"llama\"", "\"gpt2\""), StandardCharsets.UTF_8);
        Path noConfig = Files.createDirectories(work.resolve("no-config"));
        Files.copy(model.resolve(ModelDirectory.WEIGHTS_FILE), noConfig.resolve(ModelDirectory.WEIGHTS_FILE));

        JsonObject gpt2 = TrainerApp.object(app.upload("/models?name=gpt2", TAR,
                TinyModels.tar(unsupported, "", false)).body());
        JsonObject missing = TrainerApp.object(app.upload("/models?name=none", TAR,
                TinyModels.tar(noConfig, "", false)).body());
        JsonObject notTar = TrainerApp.object(app.upload("/models?name=text", TAR,
                "not an archive at all, just some text that is longer than nothing".repeat(20)
                        .getBytes(StandardCharsets.UTF_8)).body());

        assertThat(gpt2.get("status").getAsInt()).isEqualTo(400);
        assertThat(gpt2.get("detail").getAsString()).contains("gpt2").contains("llama")
                .doesNotContain(store.toString());
        assertThat(missing.get("status").getAsInt()).isEqualTo(400);
        assertThat(missing.get("detail").getAsString()).contains("config.json");
        assertThat(notTar.get("status").getAsInt()).isEqualTo(400);
    }

    @Test
    void anArchiveOverTheLimitIs413AndNothingIsStored() throws IOException {
        Path big = Files.createDirectories(work.resolve("big"));
        Files.write(big.resolve("padding.bin"), new byte[MAX_BYTES + 1]);
        int rows = app.count("SELECT count(*) FROM models");

        HttpResponse<String> declared = app.upload("/models?name=big", TAR, TinyModels.tar(big, "", false));
        HttpResponse<String> streamed = app.uploadChunked("/models?name=big", TAR, TinyModels.tar(big, "", false));

        assertThat(declared.statusCode()).as(declared.body()).isEqualTo(413);
        assertThat(streamed.statusCode()).as(streamed.body()).isEqualTo(413);
        assertThat(streamed.body()).contains("sppo.trainer.models.max-bytes");
        assertThat(app.count("SELECT count(*) FROM models")).isEqualTo(rows);
    }

    @Test
    void unknownAndMalformedIdsAreNotFoundProblems() {
        for (String id : List.of(UUID.randomUUID().toString(), "nope")) {
            HttpResponse<String> response = app.get("/models/" + id);
            assertThat(response.statusCode()).as(id).isEqualTo(404);
            assertThat(TrainerApp.object(response.body()).get("detail").getAsString()).startsWith("no model with id");
        }
    }

    private static Path models() {
        return store.resolve("models");
    }

    private static List<Path> filesUnder(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            return paths.filter(p -> !Files.isDirectory(p)).sorted().toList();
        }
    }
}
