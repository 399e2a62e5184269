package dev.sppo.loop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sppo.loss.LossType;
import dev.sppo.training.OptimizerConfig;
import dev.sppo.training.ThreadDataParallel;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

class SppoConfigReaderTest {

    @TempDir
    Path tmp;

    @Test
    void defaultsDescribeThreeSppoIterationsOnAddition() {
        SppoConfig c = new SppoConfigReader().defaults();
        assertThat(c.iterations()).isEqualTo(3);
        assertThat(c.task().task().name()).isEqualTo("addition");
        assertThat(c.training().loss()).isEqualTo(LossType.SPPO);
        assertThat(c.sampling().numSamples()).isEqualTo(5);
        assertThat(c.basePath()).isNull();
    }

    @Test
    void yamlFileOverridesOnlyWhatItNames() throws Exception {
        Path file = tmp.resolve("c.yaml");
        Files.writeString(file, "training:\n  loss: dpo\n  optimizer: rmsprop\nsampling:\n  k: 3\n");
        SppoConfig c = new SppoConfigReader().read(file);
        assertThat(c.training().loss()).isEqualTo(LossType.DPO);
        assertThat(c.training().optimizer().kind()).isEqualTo(OptimizerConfig.Kind.RMSPROP);
        assertThat(c.sampling().numSamples()).isEqualTo(3);
        assertThat(c.training().beta()).isEqualTo(new SppoConfigReader().defaults().training().beta());
    }

    @Test
    void jsonIsAcceptedToo() throws Exception {
        Path file = tmp.resolve("c.json");
        Files.writeString(file, "{\"iterations\": 2, \"task\": {\"name\": \"sorting\"}}");
        SppoConfig c = new SppoConfigReader().read(file);
        assertThat(c.iterations()).isEqualTo(2);
        assertThat(c.task().task().name()).isEqualTo("sorting");
    }

    @Test
    void mistakesNameTheFieldPath() {
        assertThatThrownBy(() -> new SppoConfigReader().read(Map.of("training", Map.of("betta", 0.1))))
                .hasMessageContaining("training.betta: unknown setting");
        assertThatThrownBy(() -> new SppoConfigReader().read(Map.of("training", Map.of("beta", "high"))))
                .hasMessageContaining("training.beta: expected a number");
        assertThatThrownBy(() -> new SppoConfigReader().read(Map.of("training", Map.of("loss", "ppo"))))
                .hasMessageContaining("training.loss").hasMessageContaining("sppo_hard");
        assertThatThrownBy(() -> new SppoConfigReader().read(Map.of("sampling", Map.of("k", 1))))
                .hasMessageContaining("sampling.k");
        assertThatThrownBy(() -> new SppoConfigReader().read(Map.of("task", Map.of("name", "chess"))))
                .hasMessageContaining("task.name").hasMessageContaining("addition");
        assertThatThrownBy(() -> new SppoConfigReader().read(Map.of("training", Map.of("optimizer", "sgd"))))
                .hasMessageContaining("training.optimizer: unknown value \"sgd\" (known: adamw, rmsprop)");
        assertThatThrownBy(() -> new SppoConfigReader().read(Map.of("reference", "frozen")))
                .hasMessageContaining("reference: unknown value \"frozen\" (known: recorded, recompute)");
        assertThatThrownBy(() -> new SppoConfigReader().read(Map.of("iterations", 1.5)))
                .hasMessageContaining("iterations: expected a whole number");
    }

    @Test
    void microBatchesCountSequencesAndRefuseAnAdapterWithDropout() {
        SppoConfig c = new SppoConfigReader().read(Map.of("training", Map.of("micro_batch_size", 3)));
        assertThat(c.training().microBatchSize()).isEqualTo(3);
        assertThat(new SppoConfigReader().defaults().training().microBatchSize())
                .isEqualTo(ThreadDataParallel.WHOLE_SLICE);

        assertThatThrownBy(() -> new SppoConfigReader().read(Map.of("training", Map.of("micro_batch_size", -1))))
                .hasMessageContaining("micro_batch_size must be >= 0");
        assertThatThrownBy(() -> new SppoConfigReader().read(Map.of("training", Map.of("micro_batch_size", 2),
                "lora", Map.of("r", 4, "dropout", 0.05))))
                .hasMessageContaining("training.micro_batch_size").hasMessageContaining("lora.dropout 0.05");
    }

    @Test
    void malformedFilesAreRefusedWithTheirName() throws Exception {
        Path file = tmp.resolve("bad.yaml");
        Files.writeString(file, "training: [unclosed\n");
        assertThatThrownBy(() -> new SppoConfigReader().read(file)).hasMessageContaining("bad.yaml")
                .hasMessageContaining("not valid YAML");
        assertThatThrownBy(() -> new SppoConfigReader().read(tmp.resolve("missing.yaml")))
                .hasMessageContaining("missing.yaml: config file not found");
    }
}
