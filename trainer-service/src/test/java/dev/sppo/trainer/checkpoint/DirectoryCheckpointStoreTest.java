package dev.sppo.trainer.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDManager;
import dev.sppo.checkpoint.AdapterDirectory;
import dev.sppo.checkpoint.Digests;
import dev.sppo.checkpoint.ModelDirectory;
import dev.sppo.model.Llama;
import dev.sppo.model.LlamaConfig;
import dev.sppo.model.Policy;
import dev.sppo.task.AdditionConfig;
import dev.sppo.task.AdditionTask;
import dev.sppo.tokenizer.CharTokenizer;
import dev.sppo.trainer.Archives;
import dev.sppo.trainer.TrainerProperties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

class DirectoryCheckpointStoreTest {

    @TempDir
    Path root;

    @Test
    void savedCheckpointIsNamedByItsFileUriWithItsDigestSizeAndArchive() throws Exception {
        DirectoryCheckpointStore store = new DirectoryCheckpointStore(
                new TrainerProperties(root, Duration.ofSeconds(1), true, 10, 1000,
                        Duration.ofMinutes(2), Duration.ofMinutes(60)));
        CharTokenizer tokenizer = new CharTokenizer(new AdditionTask(AdditionConfig.defaults()).alphabet());
        try (NDManager manager = NDManager.newBaseManager(); Policy policy = new Policy(Llama.random(
                LlamaConfig.builder().vocabularyOf(tokenizer).hiddenSize(32).numHiddenLayers(1).numAttentionHeads(2)
                        .build(), manager, 5),
                tokenizer)) {
            StoredCheckpoint stored = store.save("job-1-v0", policy, Map.of("sppo.iteration", "0"));

            Path dir = root.resolve("checkpoints").resolve("job-1-v0");
            assertThat(Path.of(stored.uri())).isEqualTo(dir.toAbsolutePath());
            assertThat(stored.sha256()).isEqualTo(Digests.sha256(dir.resolve(ModelDirectory.WEIGHTS_FILE)));
            long total = 0;
            Map<String, String> onDisk = new HashMap<>();
            try (var files = Files.list(dir)) {
                for (Path file : files.toList()) {
                    total += Files.size(file);
                    onDisk.put(file.getFileName().toString(), Digests.sha256(file));
                }
            }
            assertThat(stored.bytes()).isEqualTo(total);
            StringBuilder manifest = new StringBuilder();
            for (String name : new TreeMap<>(onDisk).keySet()) {
                manifest.append(onDisk.get(name)).append(' ').append(Files.size(dir.resolve(name))).append(' ')
                        .append(name).append('\n');
            }
            assertThat(stored.manifestSha256())
                    .isEqualTo(Digests.sha256(manifest.toString().getBytes(StandardCharsets.UTF_8)));
            ByteArrayOutputStream zip = new ByteArrayOutputStream();
            store.writeArchive(stored.uri(), zip);
            assertThat(Archives.entryDigests(zip.toByteArray())).isEqualTo(onDisk);
            try (Policy loaded = ModelDirectory.load(store.directory(stored.uri()), manager)) {
                assertThat(loaded.config()).isEqualTo(policy.config());
            }
        }
    }

    @Test
    void anAdoptedAdapterDirectoryIsDescribedByTheDigestOfItsAdapterWeights() throws Exception {
        DirectoryCheckpointStore store = new DirectoryCheckpointStore(
                new TrainerProperties(root, Duration.ofSeconds(1), true, 10, 1000,
                        Duration.ofMinutes(2), Duration.ofMinutes(60)));
        Path adapter = Files.createDirectories(root.resolve("runs").resolve("staged"));
        Files.writeString(adapter.resolve(AdapterDirectory.CONFIG_FILE), "{\"r\": 8}");
        Files.write(adapter.resolve(AdapterDirectory.WEIGHTS_FILE), new byte[] {1, 2, 3});

        StoredCheckpoint stored = store.adopt("job-1-v1", adapter);

        Path dir = root.resolve("checkpoints").resolve("job-1-v1");
        assertThat(Path.of(stored.uri())).isEqualTo(dir.toAbsolutePath());
        assertThat(stored.sha256()).isEqualTo(Digests.sha256(new byte[] {1, 2, 3}));
        assertThat(stored.bytes()).isEqualTo(3 + "{\"r\": 8}".length());
        assertThat(adapter).doesNotExist();
    }

    @Test
    void uriOutsideTheStoreIsRefused() {
        DirectoryCheckpointStore store = new DirectoryCheckpointStore(
                new TrainerProperties(root, Duration.ofSeconds(1), true, 10, 1000,
                        Duration.ofMinutes(2), Duration.ofMinutes(60)));

        assertThatThrownBy(() -> store.writeArchive(root.resolve("elsewhere").toUri(), new ByteArrayOutputStream()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("outside the store");
        assertThatThrownBy(() -> store.writeArchive(URI.create("s3://bucket/ckpt"), new ByteArrayOutputStream()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a file: URI");
    }
}
