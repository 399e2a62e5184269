package dev.sppo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.sppo.judge.FakeChatServer;
import dev.sppo.judge.FakeChatServer.Reply;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** {@code sppo train}: its config handling (each such case fails before any training starts) and its LLM judges. */
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

    @Test
    void anLlmJudgeGivenInlineTrainsAnInProcessRunAndReportsItsOwnWinRate() throws Exception {
        try (FakeChatServer judge = new FakeChatServer(seen -> {
            String[] shown = seen.content().split("\\|", -1);
            return Reply.ok(FakeChatServer.completion(shown[2].length() > shown[1].length() ? "B" : "A"));
        })) {
            Path config = Files.writeString(tmp.resolve("llm.yaml"), """
                    run_dir: %s
                    cache_dir: %s
                    iterations: 1
                    prompts_per_iteration: 8
                    sampling: {k: 3}
                    base: {warm_start: {hidden_size: 32, demonstrations: 64, epochs: 1}}
                    evaluation: {prompts: 8}
                    preference:
                      kind: llm_judge
                      judge: {base_url: "%s", model: longer-wins, prompt_template: "{prompt}|{response_a}|{response_b}"}
                    """.formatted(tmp.resolve("run"), tmp.resolve("cache"), judge.baseUrl()));

            Cli train = Cli.run("train", "--config", config.toString());

            assertThat(train.exitCode()).as(train.err()).isZero();
            List<String> metrics = Files.readAllLines(tmp.resolve("run").resolve("metrics.jsonl"));
            JsonObject proxy = JsonParser.parseString(metrics.get(1)).getAsJsonObject().getAsJsonObject("proxyVsBase");
            assertThat(proxy.get("wins").getAsInt() + proxy.get("ties").getAsInt() + proxy.get("losses").getAsInt())
                    .as("8 held-out prompts x 2 samples, each a pair the judge compared").isEqualTo(16);
            assertThat(judge.seen()).as("8 prompts x 3 x 2 ordered pairs, then 16 evaluation pairs in both orders")
                    .hasSize(8 * 6 + 16 * 2)
                    .allSatisfy(seen -> assertThat(seen.body().get("model").getAsString()).isEqualTo("longer-wins"));
        }
    }
}
