package dev.sppo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDManager;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.sppo.preference.learned.RewardModel;
import dev.sppo.preference.learned.RewardModelDirectory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainPreferenceCommandTest {

    @TempDir
    Path tmp;

    @Test
    void trainsWritesALoadableCheckpointAndMetricsAndPrintsHeldOutAccuracy() throws Exception {
        Path config = Files.writeString(tmp.resolve("pref.yaml"), """
                kind: reward_model
                pairs: 200
                model: {hidden_size: 16, layers: 1, heads: 2}
                training: {epochs: 1, batch_size: 32}
                """);
        Path out = tmp.resolve("out");

        Cli run = Cli.run("train-preference", "--config", config.toString(), "--out", out.toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(0);
        assertThat(run.out()).startsWith("held-out pairwise accuracy: ").contains(" vs gold (20 pairs)");
        JsonObject metrics = JsonParser.parseString(Files.readString(out.resolve("metrics.json"))).getAsJsonObject();
        assertThat(metrics.get("kind").getAsString()).isEqualTo("reward_model");
        assertThat(metrics.get("held_out_pairs").getAsInt()).isEqualTo(20);
        try (NDManager manager = NDManager.newBaseManager();
                RewardModel model = RewardModelDirectory.load(out.resolve("model"), manager, 1.0)) {
            assertThat(model.rewards("1+2=", List.of("3", "4"))).hasSize(2);
        }
    }

    @Test
    void configErrorsNameTheFileAndTheFieldPath() throws Exception {
        Path config = Files.writeString(tmp.resolve("bad.yaml"), "training:\n  learning_rate: -0.1\n");

        String error = Cli.run("train-preference", "--config", config.toString()).userError();

        assertThat(error).isEqualTo("sppo train-preference: " + config
                + ": training.learning_rate must be positive and finite, got -0.1");
    }
}
