package dev.sppo.loop;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import dev.sppo.chat.ChatFixtures;
import dev.sppo.evaluation.SamplesFile;
import dev.sppo.preference.training.ColourJudges;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A run on a user's own model, prompts and judges, in-process end to end: a random HF-format chat model (Qwen2.5's
 * chat template and stop ids over a byte-level tokenizer), a JSONL file of chat and plain prompts with one bad line
 * and one prompt longer than the limit, a reward model trained here as the training judge and a ranker trained here
 * as the evaluation judge; two iterations.
 */
class TextRunTest {

    private static final int PROMPT_LINES = 240;

    @TempDir
    Path tmp;

    @Test
    void ownModelPromptsAndJudgesGiveStrictMetricsKlSamplesAndLengthControlledWinRates() throws Exception {
        Path pairs = pairsFile();
        SppoConfig config = config(pairs, 2, Map.of("judge", Map.of("kind", "ranker",
                "model_uri", judge("ranker", pairs).toString()), "prompts", 50, "samples_per_prompt", 1));
        ByteArrayOutputStream log = new ByteArrayOutputStream();

        List<IterationResult> results = new SppoLoop(config, new PrintStream(log, true, StandardCharsets.UTF_8)).run();

        assertThat(results).hasSize(3);
        List<JsonObject> metrics = strictLines(config.runDir().resolve("metrics.jsonl"));
        assertThat(metrics).hasSize(3);
        JsonObject base = metrics.get(0);
        assertThat(base.get("winnerWinRate").isJsonNull()).as("π_0 has no training: null, not NaN").isTrue();
        assertThat(base.get("taskScore").isJsonNull()).as("no gold answers").isTrue();
        assertThat(base.getAsJsonObject("prompts").get("badLines").getAsInt()).isEqualTo(1);
        assertThat(base.getAsJsonObject("prompts").get("truncated").getAsInt()).isEqualTo(1);
        for (JsonObject iteration : metrics.subList(1, 3)) {
            assertThat(iteration.get("kl").getAsDouble()).as("KL(π_t ‖ π_{t-1})").isGreaterThanOrEqualTo(0);
            JsonObject lengthControlled = iteration.getAsJsonObject("lengthControlledVsBase");
            assertThat(lengthControlled.get("rate").getAsDouble()).isBetween(0.0, 1.0);
            assertThat(lengthControlled.get("comparisons").getAsInt()).isEqualTo(50);
            assertThat(iteration.get("meanResponseTokens").getAsDouble()).isBetween(0.0, 8.0);
            assertThat(iteration.getAsJsonObject("vsBase").get("wins").getAsInt()
                    + iteration.getAsJsonObject("vsBase").get("ties").getAsInt()
                    + iteration.getAsJsonObject("vsBase").get("losses").getAsInt()).isEqualTo(50);
            assertThat(iteration.get("proxyVsBase").isJsonObject()).as("the training judge's own win rate").isTrue();
        }
        for (int t = 1; t <= 2; t++) {
            List<JsonObject> samples = strictLines(config.runDir().resolve(SamplesFile.name(t)));
            assertThat(samples).hasSize(50).allSatisfy(row -> {
                assertThat(row.get("preference").getAsDouble()).isBetween(0.0, 1.0);
                assertThat(row.get("prompt_id").getAsString()).isNotEmpty();
                assertThat(row.has("base_response") && row.has("policy_response")).isTrue();
            });
        }
        assertThat(strictLines(config.runDir().resolve(SamplesFile.name(1))).stream()
                .map(row -> row.get("prompt_text").getAsString()))
                .as("chat prompts are rendered with the template, plain ones are not")
                .anyMatch(text -> text.startsWith("<|im_start|>system\n") && text.endsWith("<|im_start|>assistant\n"))
                .anyMatch(text -> text.startsWith("Say "));
        assertThat(Files.readString(config.runDir().resolve("summary.md")))
                .contains("judge win rate vs π_0 [95% CI]").contains("LC win rate vs π_0").contains("mean tokens")
                .doesNotContain("Warning").doesNotContain("task score");
    }

    @Test
    void evaluatingByTheTrainingJudgeIsWarnedOfOnceInTheLogAndTheSummary() throws Exception {
        SppoConfig config = config(pairsFile(), 1, Map.of("prompts", 50, "samples_per_prompt", 1));
        ByteArrayOutputStream log = new ByteArrayOutputStream();

        List<IterationResult> results = new SppoLoop(config, new PrintStream(log, true, StandardCharsets.UTF_8)).run();

        assertThat(log.toString(StandardCharsets.UTF_8)).containsOnlyOnce(SppoLoop.SAME_JUDGE_WARNING);
        assertThat(Files.readString(config.runDir().resolve("summary.md")))
                .startsWith("**Warning:** " + SppoLoop.SAME_JUDGE_WARNING + "\n\n| iter |");
        assertThat(results.get(1).proxyVsBase()).as("the training judge is the evaluation judge").isNull();
        assertThat(results.get(1).vsBase()).isNotNull();
    }

    /** T iterations on the prompt file and the chat model, trained against a reward model learned from the pairs. */
    private SppoConfig config(Path pairs, int iterations, Map<String, Object> evaluation) throws Exception {
        return new SppoConfigReader().read(Map.of(
                "prompts", Map.of("path", promptFile().toString(), "eval_fraction", 0.3, "on_bad_line", "skip",
                        "max_prompt_tokens", 160),
                "base", Map.of("path", chatModel().toString()),
                "run_dir", tmp.resolve("run").toString(),
                "seed", 3, "iterations", iterations, "prompts_per_iteration", 16,
                "sampling", Map.of("k", 2, "max_new_tokens", 8),
                "preference", Map.of("kind", "reward_model", "model_uri", judge("reward_model", pairs).toString(),
                        "tau", 1.0),
                "training", Map.of("epochs", 3, "batch_size", 8, "learning_rate", 0.05),
                "evaluation", evaluation));
    }

    /** Random weights over Qwen2.5's tokenizer files: its chat template, and stop ids 258 and 256. */
    private Path chatModel() {
        return ChatFixtures.randomChatModel(tmp.resolve("model"), ChatFixtures.QWEN2_5);
    }

    /** Chat and plain prompts, one line that is not JSON, one prompt longer than 160 tokens. */
    private Path promptFile() throws IOException {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < PROMPT_LINES; i++) {
            lines.add(i % 2 == 0
                    ? "{\"id\": \"chat-" + i + "\", \"messages\": [{\"role\": \"user\", \"content\": \"Name a colour, "
                            + i + "\"}]}"
                    : "{\"prompt\": \"Say hello " + i + " times\", \"metadata\": {\"n\": " + i + "}}");
        }
        lines.add("{not json");
        lines.add("{\"id\": \"long\", \"prompt\": \"Say " + "very ".repeat(60) + "much\"}");
        Path file = tmp.resolve("prompts.jsonl");
        Files.write(file, lines);
        return file;
    }

    private Path pairsFile() throws IOException {
        return ColourJudges.pairs(tmp.resolve("pairs.jsonl"));
    }

    /** A tiny learned judge of {@code kind}, trained here on the pairs: the checkpoint directory. */
    private Path judge(String kind, Path pairs) throws IOException {
        return ColourJudges.train(kind, pairs, tmp.resolve(kind));
    }

    /** Each line parsed by a strict JSON reader, which refuses NaN. */
    private static List<JsonObject> strictLines(Path file) throws IOException {
        List<JsonObject> objects = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            JsonReader reader = new JsonReader(new StringReader(line));
            reader.setStrictness(Strictness.STRICT);
            JsonElement element = JsonParser.parseReader(reader);
            objects.add(element.getAsJsonObject());
        }
        return objects;
    }
}
