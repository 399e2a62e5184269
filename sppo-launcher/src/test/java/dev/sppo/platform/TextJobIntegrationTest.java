package dev.sppo.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.sppo.chat.ChatFixtures;
import dev.sppo.checkpoint.Digests;
import dev.sppo.client.JobsClient;
import dev.sppo.preference.training.ColourJudges;
import dev.sppo.textdemo.TextDemoAssets;
import dev.sppo.textdemo.TextDemoJob;
import dev.sppo.textdemo.TextDemoSettings;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A user's own model, prompts and judges on the platform, through the gateway: a chat model (Qwen2.5's tokenizer
 * and chat template, random weights) uploaded to {@code /api/models}, a JSONL prompt file uploaded to {@code
 * /api/datasets}, an LLM judge of the preference-service (a local fake that prefers the response that sorts last)
 * to train against, and a reward model learned here from preference pairs to evaluate by.
 */
class TextJobIntegrationTest {

    private static final Duration JOB_TIMEOUT = Duration.ofMinutes(5);
    /** The text demo's recipe at a size that trains in seconds: a 1-layer π_0, 1 epoch, 200 judge pairs. */
    private static final TextDemoSettings TINY_TEXT_DEMO = new TextDemoSettings(
            TextDemoSettings.DEFAULTS.corpus(), new TextDemoSettings.Base(32, 1, 2, 64, 1, 64, 0.01),
            new TextDemoSettings.Judge(200, 0.1), 1);

    @TempDir
    static Path tmp;

    private static PlatformHarness harness;
    private static LocalJudge judge;
    private static String model;
    private static String dataset;
    private static String evaluationJudge;

    @BeforeAll
    static void start() throws Exception {
        judge = new LocalJudge();
        harness = new PlatformHarness(Files.createDirectories(tmp.resolve("store")), 1);
        model = uploaded("/api/models?name=chat", "application/x-tar", tar(chatModel()));
        byte[] prompts = promptFile();
        dataset = uploaded("/api/datasets?name=colours&file_name=colours.jsonl", "application/x-ndjson", prompts);
        JsonObject recorded = JsonParser.parseString(harness.call("GET", "/api/datasets/" + dataset, null,
                PlatformHarness.API_KEY).body()).getAsJsonObject();
        assertThat(recorded.get("sha256").getAsString()).isEqualTo(Digests.sha256(prompts));
        evaluationJudge = rewardModel().toUri().toString();
    }

    @AfterAll
    static void stop() throws Exception {
        harness.close();
        judge.close();
    }

    @Test
    void aTextJobOnAnUploadedModelAndDatasetSucceedsWithLengthControlledWinRatesAndSamples() throws Exception {
        HttpResponse<String> created = harness.call("POST", "/api/jobs", textJob("text", ""), PlatformHarness.API_KEY);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = JsonParser.parseString(created.body()).getAsJsonObject().get("id").getAsString();

        JsonObject job = harness.awaitTerminal(id, JOB_TIMEOUT);

        assertThat(job.get("state").getAsString()).as(job.toString()).isEqualTo("SUCCEEDED");
        assertThat(harness.count("SELECT count(*) FROM datasets WHERE id = '" + dataset + "' AND sha256 = '"
                + Digests.sha256(promptFile()) + "'")).as("the dataset row and its sha256").isEqualTo(1);
        JsonObject base = job.getAsJsonArray("iterations").get(0).getAsJsonObject().getAsJsonObject("metrics");
        assertThat(base.get("prompts_truncated").getAsInt()).as(base.toString()).isEqualTo(1);
        assertThat(base.get("bad_lines_skipped").getAsInt()).isZero();
        assertThat(job.getAsJsonArray("iterations")).hasSize(2).allSatisfy(it -> {
            JsonObject metrics = it.getAsJsonObject().getAsJsonObject("metrics");
            assertThat(metrics.get("length_controlled_win_rate_vs_base").getAsDouble()).as(metrics.toString())
                    .isBetween(0.0, 1.0);
            assertThat(metrics.get("mean_response_tokens").getAsDouble()).isBetween(0.0, 6.0);
            assertThat(metrics.get("kl").getAsDouble()).isGreaterThanOrEqualTo(0.0);
            JsonObject vsBase = metrics.getAsJsonObject("win_rate_vs_base");
            assertThat(vsBase.get("wins").getAsInt() + vsBase.get("ties").getAsInt()
                    + vsBase.get("losses").getAsInt()).as("8 held-out prompts x 1 sample").isEqualTo(8);
            assertThat(metrics.getAsJsonObject("proxy_win_rate_vs_base")).as("the LLM judge's own win rate")
                    .isNotNull();
        });
        Path runDir = tmp.resolve("store").resolve("runs").resolve(id);
        for (int version = 1; version <= 2; version++) {
            List<String> samples = Files.readAllLines(runDir.resolve("samples-iter-" + version + ".jsonl"));
            assertThat(samples).hasSize(8).allSatisfy(line -> assertThat(JsonParser.parseString(line)
                    .getAsJsonObject().get("preference").getAsDouble()).isBetween(0.0, 1.0));
        }
        assertThat(harness.count("SELECT count(*) FROM prompt_results WHERE job_id = '" + id + "' AND "
                + "payload->'responses'->'request'->'promptIds' IS NOT NULL")).as("prompts rendered by the trainer")
                .isEqualTo(16);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theTextDemosJobRunsOnItsUploadedPromptsWithVaderAsGoldAndTheTextGuardsInTheView() throws Exception {
        TextDemoAssets assets = TextDemoAssets.prepare(tmp.resolve("store").resolve("models").resolve("text-demo"),
                TINY_TEXT_DEMO, new PrintStream(OutputStream.nullOutputStream()));
        JobsClient client = new JobsClient("http://localhost:" + harness.platform.gatewayPort(),
                PlatformHarness.API_KEY);
        Map<String, Object> job = TextDemoJob.forPlatform("text-demo", client.uploadDataset("quotes",
                assets.prompts()), assets);
        job.putAll(Map.of("iterations", 1, "prompts_per_iteration", 12,
                "sampling", Map.of("k", 2, "max_new_tokens", 8), "training", Map.of("epochs", 1, "batch_size", 8)));
        ((Map<String, Object>) job.get("evaluation")).putAll(Map.of("prompts", 8, "samples_per_prompt", 1));

        JsonObject view = harness.awaitTerminal(client.submit(new Gson().toJson(job)), JOB_TIMEOUT);

        assertThat(view.get("state").getAsString()).as(view.toString()).isEqualTo("SUCCEEDED");
        JsonObject metrics = view.getAsJsonArray("iterations").get(0).getAsJsonObject().getAsJsonObject("metrics");
        assertThat(metrics.get("base_distinct_2").getAsDouble()).as(metrics.toString()).isBetween(0.0, 1.0);
        assertThat(metrics.get("base_mean_response_tokens").getAsDouble()).isBetween(0.0, 8.0);
        assertThat(metrics.get("distinct_2").getAsDouble()).isBetween(0.0, 1.0);
        assertThat(metrics.get("perplexity_under_base").getAsDouble()).isGreaterThan(1.0);
        assertThat(metrics.get("base_perplexity").getAsDouble()).isGreaterThan(1.0);
        assertThat(metrics.get("kl_vs_base").getAsDouble()).as("π_1's only reference is π_0")
                .isEqualTo(metrics.get("kl").getAsDouble());
        JsonObject vsBase = metrics.getAsJsonObject("win_rate_vs_base");
        assertThat(vsBase.get("wins").getAsInt() + vsBase.get("ties").getAsInt() + vsBase.get("losses").getAsInt())
                .as("8 held-out prompts x 1 sample, judged by VADER").isEqualTo(8);
        assertThat(metrics.getAsJsonObject("proxy_win_rate_vs_base")).as("the encoder head's own").isNotNull();
    }

    @Test
    void aDatasetTooSmallForTheJobIsRefusedAtSubmissionNamingTheField() throws Exception {
        HttpResponse<String> refused = harness.call("POST", "/api/jobs", textJob("too-many", "")
                .replace("\"prompts_per_iteration\": 8", "\"prompts_per_iteration\": 100"), PlatformHarness.API_KEY);

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        JsonObject error = JsonParser.parseString(refused.body()).getAsJsonObject().getAsJsonArray("errors").get(0)
                .getAsJsonObject();
        assertThat(error.get("field").getAsString()).isEqualTo("prompts_per_iteration");
        assertThat(error.get("message").getAsString()).contains("train prompts");
    }

    @Test
    void aContinuousTextJobTakesFreeTextAndChatPromptsAndDeadLettersMalformedOnes() throws Exception {
        HttpResponse<String> created = harness.call("POST", "/api/jobs", textJob("continuous-text",
                ", \"continuous\": {\"round_prompts\": 4, \"max_rounds_behind\": 3, \"promotion_threshold\": 0.0}"),
                PlatformHarness.API_KEY);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = JsonParser.parseString(created.body()).getAsJsonObject().get("id").getAsString();
        try (PromptStream stream = new PromptStream(harness)) {
            stream.send("free-1", "{\"id\": \"free-1\", \"prompt\": \"Tell me about the sea.\"}");
            stream.send("free-2", "{\"id\": \"free-2\", \"prompt\": \"Was ist ein Regenbogen?\"}");
            stream.send("chat-1", "{\"id\": \"chat-1\", \"messages\": [{\"role\": \"system\", \"content\": \"Be "
                    + "brief.\"}, {\"role\": \"user\", \"content\": \"Name a colour.\"}]}");
            stream.send("chat-2", "{\"id\": \"chat-2\", \"messages\": [{\"role\": \"user\", \"content\": \"Hi\"}]}");
            stream.send("not-json", "{\"id\": \"not-json\",");
            stream.send("both", "{\"id\": \"both\", \"prompt\": \"a\", \"messages\": [{\"role\": \"user\", "
                    + "\"content\": \"b\"}]}");
            stream.send("blank", "{\"id\": \"blank\", \"prompt\": \"   \"}");

            harness.await(() -> harness.count(PromptStream.decided(id)) == 1, "the round of free text decided");

            assertThat(harness.query("SELECT prompt_id FROM stream_prompts WHERE job_id = '" + id + "' "))
                    .extracting(row -> row.get(0)).containsExactlyInAnyOrder("free-1", "free-2", "chat-1", "chat-2");
            Map<String, String> deadLettered = stream.deadLettered(3);
            assertThat(deadLettered).containsOnlyKeys("not-json", "both", "blank");
            assertThat(deadLettered.get("both")).contains("either prompt").contains("messages");
            stream.stopJob(id);
        }
    }

    /** Two iterations of 8 prompts on the uploaded model and dataset; {@code more} adds members at the end. */
    private static String textJob(String name, String more) {
        return """
                {"name": "%s", "iterations": 2, "prompts_per_iteration": 8,
                 "prompts": {"dataset": "%s", "eval_fraction": 0.3, "max_prompt_tokens": 160},
                 "base": {"model": "%s"},
                 "sampling": {"k": 2, "max_new_tokens": 6},
                 "preference": {"kind": "llm_judge", "judge": "local"},
                 "training": {"epochs": 1, "batch_size": 4},
                 "evaluation": {"prompts": 8, "samples_per_prompt": 1,
                                "judge": {"kind": "reward_model", "model_uri": "%s", "tau": 1.0}}%s}
                """.formatted(name, dataset, model, evaluationJudge, more);
    }

    private static String uploaded(String path, String contentType, byte[] body) throws Exception {
        HttpResponse<String> response = harness.upload(path, contentType, body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return JsonParser.parseString(response.body()).getAsJsonObject().get("id").getAsString();
    }

    /** Random weights over Qwen2.5's tokenizer files: its chat template, and its stop ids. */
    private static Path chatModel() {
        return ChatFixtures.randomChatModel(tmp.resolve("model"), ChatFixtures.QWEN2_5);
    }

    /** 40 prompts, chat and plain, and one longer than 160 tokens (cut from the left and counted). */
    private static byte[] promptFile() {
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            lines.append(i % 2 == 0
                    ? "{\"id\": \"chat-" + i + "\", \"messages\": [{\"role\": \"user\", \"content\": \"Name a colour, "
                            + i + "\"}]}"
                    : "{\"prompt\": \"Say hello " + i + " times\"}").append('\n');
        }
        return lines.append("{\"id\": \"long\", \"prompt\": \"Say ").append("very ".repeat(60))
                .append("much\"}\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A tiny reward model learned here from colour pairs, in the trainer's models root: its directory. */
    private static Path rewardModel() throws IOException {
        return ColourJudges.train("reward_model", ColourJudges.pairs(tmp.resolve("pairs.jsonl")),
                tmp.resolve("store").resolve("models").resolve("reward-model"));
    }

    private static byte[] tar(Path dir) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream out = new TarArchiveOutputStream(bytes); Stream<Path> files = Files.list(dir)) {
            for (Path file : files.sorted().toList()) {
                out.putArchiveEntry(new TarArchiveEntry(file.toFile(), file.getFileName().toString()));
                Files.copy(file, out);
                out.closeArchiveEntry();
            }
        }
        return bytes.toByteArray();
    }
}
