package dev.sppo.trainer;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/** A job never hangs in GENERATE: lost requests are re-published, and a dead pipeline fails the job. */
class GenerationWatchdogTest {

    private static final Duration JOB_TIMEOUT = Duration.ofSeconds(120);

    @TempDir
    Path store;

    @Test
    void requestsLostByAGeneratorArePublishedAgainAndTheJobCompletes() throws Exception {
        try (TrainerApp app = TrainerApp.start(TestInfrastructure.newDatabase(), store, "trainer-watchdog-lost",
                "--sppo.trainer.stall-timeout=2s", "--sppo.trainer.watchdog-interval=500ms");
                SelfPlayPeer peer = new SelfPlayPeer()) {
            String id = app.submit(TinyJobs.json("lost-requests", 1));
            int dropped = peer.await(id, TinyJobs.PROMPTS_PER_ITERATION, JOB_TIMEOUT).size();

            int answered = peer.answerUntilFinished(app, id, JOB_TIMEOUT);

            assertThat(dropped).isEqualTo(TinyJobs.PROMPTS_PER_ITERATION);
            assertThat(app.job(id).get("state").getAsString()).isEqualTo("SUCCEEDED");
            assertThat(answered).as("the re-published requests were answered").isEqualTo(
                    TinyJobs.PROMPTS_PER_ITERATION);
        }
    }

    @Test
    void aPipelineThatNeverAnswersFailsTheJobWithTheReason() throws Exception {
        try (TrainerApp app = TrainerApp.start(TestInfrastructure.newDatabase(), store, "trainer-watchdog-dead",
                "--sppo.trainer.stall-timeout=1s", "--sppo.trainer.generation-timeout=3s",
                "--sppo.trainer.watchdog-interval=500ms")) {
            String id = app.submit(TinyJobs.json("dead-pipeline", 1));
            Instant deadline = Instant.now().plus(JOB_TIMEOUT);
            while (!app.isFinished(id) && Instant.now().isBefore(deadline)) {
                Thread.sleep(200);
            }
            JsonObject job = app.job(id);
            assertThat(job.get("state").getAsString()).as(job.toString()).isEqualTo("FAILED");
            assertThat(job.get("failureReason").getAsString()).contains("generation stalled")
                    .contains("0 of " + TinyJobs.PROMPTS_PER_ITERATION);
        }
    }
}
