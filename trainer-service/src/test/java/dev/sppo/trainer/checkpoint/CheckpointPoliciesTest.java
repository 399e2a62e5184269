package dev.sppo.trainer.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDManager;
import dev.sppo.checkpoint.MalformedCheckpointException;
import dev.sppo.checkpoint.ModelDirectory;
import dev.sppo.loop.PolicyWeights;
import dev.sppo.loop.WeightsConfig;
import dev.sppo.model.Llama;
import dev.sppo.model.LlamaConfig;
import dev.sppo.model.Policy;
import dev.sppo.task.AdditionConfig;
import dev.sppo.task.AdditionTask;
import dev.sppo.tokenizer.CharTokenizer;
import dev.sppo.trainer.TrainerProperties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

class CheckpointPoliciesTest {

    @TempDir
    Path root;

    @Test
    void aCheckpointIsLoadedOnlyWhileItsWeightsFileHasTheRecordedSha256() throws Exception {
        DirectoryCheckpointStore store = new DirectoryCheckpointStore(new TrainerProperties(root,
                Duration.ofSeconds(1), true, 10, 1000, Duration.ofMinutes(2), Duration.ofMinutes(60)));
        CheckpointPolicies policies = new CheckpointPolicies(store, null);
        PolicyWeights weights = new PolicyWeights(WeightsConfig.FULL, 1);
        CharTokenizer tokenizer = new CharTokenizer(new AdditionTask(AdditionConfig.defaults()).alphabet());
        try (NDManager manager = NDManager.newBaseManager()) {
            StoredCheckpoint stored;
            try (Policy policy = new Policy(Llama.random(LlamaConfig.builder().vocabularyOf(tokenizer)
                    .hiddenSize(32).numHiddenLayers(1).numAttentionHeads(2).build(), manager, 5), tokenizer)) {
                stored = store.save("job-1-v1", policy, Map.of());
            }
            Checkpoint row = new Checkpoint("job-1-v1", "job-1", 1, stored.uri(), stored.sha256(), stored.bytes(),
                    "job-1-v0", Instant.EPOCH, stored.manifestSha256(), null);
            try (Policy loaded = policies.frozen(weights, row, manager)) {
                assertThat(loaded.config().hiddenSize()).isEqualTo(32);
            }

            Path file = Path.of(stored.uri()).resolve(ModelDirectory.WEIGHTS_FILE);
            try (RandomAccessFile cut = new RandomAccessFile(file.toFile(), "rw")) {
                cut.setLength(Files.size(file) - 1);
            }

            assertThatThrownBy(() -> policies.trainable(weights, row, 1, manager))
                    .isInstanceOf(MalformedCheckpointException.class)
                    .hasMessageContaining(file.toString())
                    .hasMessageContaining("checkpoint job-1-v1 was recorded with sha256 " + stored.sha256());
            Files.delete(file);
            assertThatThrownBy(() -> policies.frozen(weights, row, manager))
                    .isInstanceOf(MalformedCheckpointException.class)
                    .hasMessageContaining(file + ": checkpoint job-1-v1's weights are missing");
        }
    }
}
