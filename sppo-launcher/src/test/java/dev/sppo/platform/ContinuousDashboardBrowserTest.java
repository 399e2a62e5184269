package dev.sppo.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

/**
 * A continuous job's page in headless Chromium over the embedded platform: rounds appear live with their
 * promotion decisions and the serving version advances; Pause, Resume and Stop drive the job. The page is saved
 * as target/continuous-dashboard.png.
 */
@ExtendWith(ChromiumCondition.class)
class ContinuousDashboardBrowserTest {

    private static final Duration ROUNDS = Duration.ofMinutes(3);
    private static final Duration STATE = Duration.ofSeconds(20);

    @TempDir
    static Path checkpoints;
    @TempDir
    static Path profile;
    @TempDir
    static Path downloads;

    private static BrowserPlatform platform;
    private static PromptStream stream;

    @BeforeAll
    static void start() throws Exception {
        platform = BrowserPlatform.start(checkpoints, profile, downloads);
        stream = new PromptStream(platform.harness());
    }

    @AfterAll
    static void stop() throws Exception {
        if (stream != null) {
            stream.close();
        }
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void roundsVersionsAndDecisionsShowLiveAndTheButtonsPauseResumeAndStopTheJob() throws Exception {
        DashboardPage page = platform.page();
        String id = stream.createJob("live", 4, 2, "0.0", "\"stale_action\": \"drop\"");
        page.openWithKey(PlatformHarness.API_KEY);
        page.open("#/jobs/" + id);
        stream.produce(8);

        page.awaitText("#rounds tr[data-round='1']", "PROMOTED", ROUNDS);
        page.awaitText("#serving-version", "v2", STATE);
        assertThat(page.text("#rounds tr[data-round='0']")).contains("PROMOTED", "v1 (from v0)", "done");
        assertThat(page.text("#continuous")).contains("Prompt lag", "Rounds behind", "S = 1 (drop)");

        page.click("button[data-action='pause']");
        page.awaitJobState("PAUSED", STATE);
        page.click("button[data-action='resume']");
        page.awaitJobState("RUNNING", STATE);
        page.screenshot(Path.of("target/continuous-dashboard.png"));
        page.click("button[data-action='stop']");
        page.awaitJobState("SUCCEEDED", STATE);
    }
}
