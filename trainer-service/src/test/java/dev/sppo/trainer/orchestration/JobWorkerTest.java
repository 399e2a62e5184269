package dev.sppo.trainer.orchestration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sppo.trainer.TrainerProperties;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

class JobWorkerTest {

    /** Transitions whose {@code fail} loses the database its first {@code outages} times, then records. */
    private static final class FlakyTransitions extends JobTransitions {
        private final int outages;
        private final AtomicInteger attempts = new AtomicInteger();
        private final CompletableFuture<String> recorded = new CompletableFuture<>();

        FlakyTransitions(int outages) {
            super(null, null, null, null, null, null, null);
            this.outages = outages;
        }

        @Override
        public void fail(String jobId, String reason) {
            if (attempts.incrementAndGet() <= outages) {
                throw new DataAccessResourceFailureException("Connection to localhost:5432 refused");
            }
            recorded.complete(jobId + ": " + reason);
        }
    }

    private static TrainerProperties properties() {
        return new TrainerProperties(Path.of("unused"), Duration.ofSeconds(1), true, 10, 100, Duration.ofMinutes(2),
                Duration.ofMinutes(60));
    }

    @Test
    void aStepsFailureThatMeetsTheDatabaseDownIsRecordedOnceItIsBack() throws Exception {
        FlakyTransitions transitions = new FlakyTransitions(2);
        JobWorker worker = new JobWorker(transitions, properties());

        worker.submit("j-1", "iteration 0", () -> {
            throw new IllegalStateException("bad batch");
        });

        assertThat(transitions.recorded.get(30, TimeUnit.SECONDS)).isEqualTo("j-1: iteration 0: bad batch");
        assertThat(transitions.attempts).hasValue(3);
        worker.stop();
    }

    @Test
    void aStepThatLosesTheDatabaseIsRunAgainInsteadOfFailingItsJob() throws Exception {
        FlakyTransitions transitions = new FlakyTransitions(0);
        JobWorker worker = new JobWorker(transitions, properties());
        AtomicInteger runs = new AtomicInteger();
        CompletableFuture<Integer> done = new CompletableFuture<>();

        worker.submit("j-2", "iteration 1", () -> {
            if (runs.incrementAndGet() == 1) {
                throw new DataAccessResourceFailureException("terminating connection due to administrator command");
            }
            done.complete(runs.get());
        });

        assertThat(done.get(30, TimeUnit.SECONDS)).isEqualTo(2);
        assertThat(transitions.recorded).isNotDone();
        worker.stop();
    }
}
