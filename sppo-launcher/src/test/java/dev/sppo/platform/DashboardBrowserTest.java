package dev.sppo.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.sppo.evaluation.SamplesFile;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The ops dashboard in headless Chromium against the four services over a real broker and PostgreSQL: the key
 * prompt, the job form with its prompts picker and its field errors, a job's live page with its charts, its
 * samples and a checkpoint download, cancelling, and service health. The finished job's page is saved as
 * target/dashboard.png; run with
 * {@code -Dsppo.screenshot=../docs/dashboard.png} to refresh the README's picture.
 */
@ExtendWith(ChromiumCondition.class)
class DashboardBrowserTest {

    private static final Duration JOB_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration STEP = Duration.ofSeconds(30);
    private static final Path SCREENSHOT = Path.of(System.getProperty("sppo.screenshot", "target/dashboard.png"));
    private static final int DEMO_ITERATIONS = 3;
    private static final List<String> CHARTS = List.of("loss", "win-rate", "phat", "kl", "length", "seconds", "tokens");
    private static final String MARKUP = "<img src=x onerror=\"document.title='x'\">";

    @TempDir
    static Path checkpoints;
    @TempDir
    static Path profile;
    @TempDir
    static Path downloads;

    private static BrowserPlatform platform;
    private static PlatformHarness harness;
    private static ChromeDriver browser;
    private static DashboardPage page;

    @BeforeAll
    static void start() throws IOException {
        platform = BrowserPlatform.start(checkpoints, profile, downloads);
        harness = platform.harness();
        browser = platform.browser();
        page = platform.page();
    }

    @AfterAll
    static void stop() throws IOException {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void asksForTheKeyOncePerTabOfferingTheDevKeyAndAgainWhenTheGatewayRefusesIt() {
        page.open("");
        page.forgetKey();
        page.open("");
        assertThat(page.offeredKey()).isEqualTo("dev-key");

        page.enterKey("not-the-key");
        assertThat(page.keyForm().getText()).contains("refused");

        page.enterKey(PlatformHarness.API_KEY);
        page.openWithKey("never-asked-again");
        assertThat(page.notice()).isEmpty();
    }

    @Test
    void jobSubmittedThroughTheFormUpdatesLiveAndItsCheckpointDownloadsIntact() throws Exception {
        page.openWithKey(PlatformHarness.API_KEY);
        page.submitJob(demoJob());
        String id = page.awaitJobPage();

        page.awaitJobState("SUCCEEDED", JOB_TIMEOUT);
        for (String chart : CHARTS) {
            page.awaitChartPoints(chart, DEMO_ITERATIONS, STEP);
        }
        assertThat(page.chartIds()).containsExactlyElementsOf(CHARTS);
        JsonObject job = harness.job(id);
        List<String> ids = job.getAsJsonArray("checkpoints").asList().stream()
                .map(checkpoint -> checkpoint.getAsJsonObject().get("id").getAsString()).toList();
        assertThat(page.checkpointIds()).as("v0 (the base) and one per iteration").hasSize(DEMO_ITERATIONS + 1)
                .containsExactlyInAnyOrderElementsOf(ids);
        assertThat(ids).allSatisfy(checkpoint -> assertThat(page.shownKind(checkpoint)).isEqualTo("model"));
        page.screenshot(SCREENSHOT);

        String last = ids.get(ids.size() - 1);
        page.download(last);
        assertThat(weightsSha256(awaitDownload(last + ".zip"))).isEqualTo(page.shownSha256(last))
                .isEqualTo(checkpointOf(job, last).get("sha256").getAsString());
    }

    @Test
    void rejectedJobShowsEachProblemNextToItsFieldAndOthersUnderTheJsonBox() {
        page.openWithKey(PlatformHarness.API_KEY);
        page.submitJob(config("""
                {"name": "bad", "training": {"beta": -1}, "base": {"warm_start": {"hiden_size": 3}}}"""));

        assertThat(page.fieldError("training.beta")).contains("beta").contains("-1");
        assertThat(page.fieldError("extra")).startsWith("base.warm_start.hiden_size");
        assertThat(browser.getCurrentUrl()).doesNotContain("#/jobs/");
    }

    @Test
    void promptsPickerOffersAnUploadedDatasetThatTheFormPostsInsteadOfATaskWithItsErrorsBesideThePicker()
            throws Exception {
        HttpResponse<String> uploaded = harness.upload("/api/datasets?name=greetings", "application/x-ndjson", """
                {"prompt": "Say hello."}
                {"messages": [{"role": "user", "content": "Name a colour."}]}
                """.getBytes(StandardCharsets.UTF_8));
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
        String dataset = config(uploaded.body()).get("id").getAsString();
        page.openWithKey(PlatformHarness.API_KEY);
        page.recordPosts();

        page.choosePrompts(dataset);
        page.submitJob(config("""
                {"name": "from-dataset", "prompts": {"eval_fraction": 2}}"""));

        assertThat(page.options("#f-prompts")).contains("built-in task",
                "greetings (2 prompts, " + dataset.substring(0, 8) + ")");
        assertThat(page.shown("#f-task-name")).as("the task select, with a dataset chosen").isFalse();
        JsonObject posted = page.lastPostedBody();
        assertThat(posted.getAsJsonObject("prompts").get("dataset").getAsString()).isEqualTo(dataset);
        assertThat(posted.has("task")).isFalse();
        assertThat(page.fieldError("prompts")).contains("prompts.eval_fraction: must be in [0, 1)");
        assertThat(browser.getCurrentUrl()).doesNotContain("#/jobs/");
    }

    @Test
    void samplesCardSaysAGoldJudgedJobHasNoSamplesAndShowsTheRowsOfASamplesFileEscaped() throws Exception {
        HttpResponse<String> created = harness.call("POST", "/api/jobs", PlatformHarness.tinyJob("samples"),
                PlatformHarness.API_KEY);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = config(created.body()).get("id").getAsString();
        assertThat(harness.awaitTerminal(id, JOB_TIMEOUT).get("state").getAsString()).isEqualTo("SUCCEEDED");
        page.openWithKey(PlatformHarness.API_KEY);
        page.open("#/jobs/" + id);

        page.awaitText("#samples-note", "No samples: this job is evaluated by its task's gold judge.", STEP);
        assertThat(page.options("#samples-version")).containsExactly("π₁", "π₂");

        writeSamples(id, 1, sample("p1", "Say <b>hello</b>.", "Hello.", MARKUP, 0.75),
                sample("p2", "Count to three.", "1 2", "1\n2\n3", 1.0));
        page.select("#samples-version", "1");

        assertThat(page.tableRows("#samples")).containsExactly(
                List.of("Say <b>hello</b>.\np1", "Hello.", MARKUP, "0.750"),
                List.of("Count to three.\np2", "1 2", "1\n2\n3", "1.000"));
        assertThat(browser.findElements(By.cssSelector("#samples img, #samples b"))).as("text shown as text").isEmpty();
        assertThat(page.text("#samples")).contains("2 held-out prompts; mean P(π₁ ≻ π₀) = 0.875");
    }

    @Test
    void cancelButtonCancelsARunningJob() throws Exception {
        JsonObject longJob = config(PlatformHarness.tinyJob("to-cancel"));
        longJob.addProperty("iterations", 50);
        page.openWithKey(PlatformHarness.API_KEY);
        page.submitJob(longJob);
        String id = page.awaitJobPage();

        page.cancel(id);

        page.awaitJobState("CANCELLED", STEP);
        assertThat(harness.job(id).get("state").getAsString()).isEqualTo("CANCELLED");
    }

    @Test
    void headerShowsEveryServiceUpAndThePanelItsThroughputAndConsumerLag() {
        page.openWithKey(PlatformHarness.API_KEY);

        new WebDriverWait(browser, STEP).until(driver -> page.health().equals(Map.of("gateway", "UP",
                "trainer-service", "UP", "generator-service", "UP", "preference-service", "UP")));
        new WebDriverWait(browser, STEP).until(driver -> page.servicesRow("generator-service").contains("/s"));
        assertThat(page.servicesRow("generator-service")).contains("tokens generated/s")
                .contains("generator ← sppo.generation.requests");
        assertThat(page.servicesRow("trainer-service")).contains("trainer ← sppo.preferences");
    }

    /**
     * PlatformHarness's tiny job with a better warm start, more prompts and a longer evaluation, so that its
     * charts have a shape (a base that always answers wrong ties every comparison).
     */
    private static JsonObject demoJob() {
        JsonObject job = config(PlatformHarness.tinyJob("addition-sppo"));
        job.addProperty("iterations", DEMO_ITERATIONS);
        job.addProperty("prompts_per_iteration", 64);
        JsonObject warmStart = job.getAsJsonObject("base").getAsJsonObject("warm_start");
        warmStart.addProperty("demonstrations", 2000);
        warmStart.addProperty("epochs", 6);
        job.getAsJsonObject("training").addProperty("epochs", 2);
        job.getAsJsonObject("evaluation").addProperty("prompts", 100);
        job.getAsJsonObject("evaluation").addProperty("samples_per_prompt", 2);
        return job;
    }

    private static JsonObject config(String json) {
        return JsonParser.parseString(json).getAsJsonObject();
    }

    private static JsonObject sample(String id, String prompt, String base, String policy, double preference) {
        JsonObject row = new JsonObject();
        row.addProperty("prompt_id", id);
        row.addProperty("prompt_text", prompt);
        row.addProperty("base_response", base);
        row.addProperty("policy_response", policy);
        row.addProperty("preference", preference);
        return row;
    }

    /** Writes a samples file into the job's run directory, as a job evaluated by a judge does. */
    private static void writeSamples(String jobId, int version, JsonObject... rows) throws IOException {
        Path run = Files.createDirectories(checkpoints.resolve("runs").resolve(jobId));
        StringBuilder lines = new StringBuilder();
        for (JsonObject row : rows) {
            lines.append(row).append('\n');
        }
        Files.writeString(run.resolve(SamplesFile.name(version)), lines, StandardCharsets.UTF_8);
    }

    private static JsonObject checkpointOf(JsonObject job, String id) {
        for (JsonElement checkpoint : job.getAsJsonArray("checkpoints")) {
            if (checkpoint.getAsJsonObject().get("id").getAsString().equals(id)) {
                return checkpoint.getAsJsonObject();
            }
        }
        throw new AssertionError("job has no checkpoint " + id + ": " + job);
    }

    /** Waits until Chromium has finished saving {@code name} (no partial download left) and returns it. */
    private static Path awaitDownload(String name) throws Exception {
        Path file = downloads.resolve(name);
        long deadline = System.nanoTime() + STEP.toNanos();
        while (!(Files.isRegularFile(file) && Files.notExists(downloads.resolve(name + ".crdownload")))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(name + " was not downloaded into " + downloads);
            }
            Thread.sleep(200);
        }
        return file;
    }

    private static String weightsSha256(Path zip) throws Exception {
        try (ZipInputStream entries = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry = entries.getNextEntry(); entry != null; entry = entries.getNextEntry()) {
                if (entry.getName().equals("model.safetensors")) {
                    byte[] weights = entries.readAllBytes();
                    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(weights));
                }
            }
        }
        throw new AssertionError(zip + " has no model.safetensors");
    }
}
