package dev.sppo.trainer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sppo.contracts.GenerationRequest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** A trainer stopped mid-iteration and a new instance on the same database and broker: the job completes. */
class JobRestartTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(120);
    private static final int ANSWERED_BEFORE_STOP = 3;

    @TempDir
    Path store;

    @Test
    void jobStoppedMidIterationCompletesOnANewInstanceWithNothingLostOrDuplicated() {
        String database = TestInfrastructure.newDatabase();
        String id;
        List<GenerationRequest> unanswered;
        try (SelfPlayPeer peer = new SelfPlayPeer()) {
            try (TrainerApp first = TrainerApp.start(database, store, "trainer-restart-test")) {
                id = first.submit(TinyJobs.json("restart", 2));
                List<GenerationRequest> requests = peer.await(id, TinyJobs.PROMPTS_PER_ITERATION, TIMEOUT);
                requests.subList(0, ANSWERED_BEFORE_STOP).forEach(r -> peer.send(peer.answer(r)));
                first.awaitCount("SELECT count(*) FROM prompt_results WHERE job_id = ?", ANSWERED_BEFORE_STOP,
                        Duration.ofSeconds(30), id);
                unanswered = requests.subList(ANSWERED_BEFORE_STOP, requests.size());
            }
            try (TrainerApp second = TrainerApp.start(database, store, "trainer-restart-test")) {
                List<GenerationRequest> republished = peer.await(id,
                        TinyJobs.PROMPTS_PER_ITERATION - ANSWERED_BEFORE_STOP, TIMEOUT);
                assertThat(republished).extracting(GenerationRequest::promptId)
                        .containsExactlyInAnyOrderElementsOf(
                                unanswered.stream().map(GenerationRequest::promptId).toList());
                unanswered.forEach(r -> peer.send(peer.answer(r)));
                republished.forEach(r -> peer.send(peer.answer(r)));
                peer.answerUntilFinished(second, id, TIMEOUT);

                assertThat(second.job(id).get("state").getAsString()).isEqualTo("SUCCEEDED");
                for (int t = 0; t < 2; t++) {
                    assertThat(second.count("SELECT count(*) FROM prompt_results WHERE job_id = ? AND iteration = ?",
                            id, t)).isEqualTo(TinyJobs.PROMPTS_PER_ITERATION);
                    assertThat(second.count("SELECT count(*) FROM training_rows WHERE job_id = ? AND iteration = ?",
                            id, t)).isEqualTo(TinyJobs.PROMPTS_PER_ITERATION);
                }
                assertThat(second.count("SELECT count(*) FROM checkpoints WHERE job_id = ?", id)).isEqualTo(3);
            }
        }
    }
}
