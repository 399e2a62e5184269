package dev.sppo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

/** {@code sppo train}'s config handling; each case fails before any training starts. */
class TrainCommandTest {

    @TempDir
    Path tmp;

    @Test
    void configErrorsNameTheFileAndTheFieldPath() throws Exception {
        Path config = Files.writeString(tmp.resolve("typo.yaml"), "training:\n  betta: 0.2\n");

        String error = Cli.run("train", "--config", config.toString()).userError();

        assertThat(error).startsWith("sppo train: " + config + ": training.betta: unknown setting");
    }

    @Test
    void aFlagOverridesTheSameSettingInTheFile() throws Exception {
        Path config = Files.writeString(tmp.resolve("run.yaml"), "iterations: 2\n");

        String error = Cli.run("train", "--config", config.toString(), "--iterations", "0").userError();

        assertThat(error).isEqualTo("sppo train: " + config + ": iterations: must be >= 1, got 0");
    }

    @Test
    void aRunOnItsOwnPromptsNamesTheModelItLacks() throws Exception {
        Path config = Files.writeString(tmp.resolve("text.yaml"),
                "prompts:\n  path: prompts.jsonl\npreference:\n  kind: reward_model\n  model_uri: runs/rm\n");

        String error = Cli.run("train", "--config", config.toString()).userError();

        assertThat(error).startsWith("sppo train: " + config + ": base.path: a run on prompts needs a Hugging Face "
                + "model directory");
    }

    @Test
    void withoutAFileAFlagIsCheckedAgainstTheDefaults() {
        String error = Cli.run("train", "--iterations", "0").userError();

        assertThat(error).isEqualTo("sppo train: iterations: must be >= 1, got 0");
    }
}
