package dev.sppo.trainer.continuous;

import dev.sppo.trainer.job.IterationRecord;
import dev.sppo.trainer.job.IterationRepository;
import dev.sppo.trainer.job.Phase;
import dev.sppo.trainer.orchestration.JobGuard;
import dev.sppo.trainer.orchestration.JobTransitions;
import dev.sppo.trainer.orchestration.JobWorker;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Runs a continuous job's rounds one at a time on the {@link JobWorker}, in the order they were formed: generate
 * ({@link RoundLauncher}), then train, evaluate and decide ({@link RoundRunner}), then the next formed round.
 * Every step reads its state from Postgres, so a restart (or a resume) picks up the round in progress where it
 * stood.
 */
@Component
public class RoundScheduler {

    private final JobWorker worker;
    private final JobGuard guard;
    private final JobTransitions transitions;
    private final IterationRepository iterations;
    private final RoundLauncher launcher;
    private final RoundRunner runner;

    public RoundScheduler(JobWorker worker, JobGuard guard, JobTransitions transitions,
            IterationRepository iterations, RoundLauncher launcher, RoundRunner runner) {
        this.worker = worker;
        this.guard = guard;
        this.transitions = transitions;
        this.iterations = iterations;
        this.launcher = launcher;
        this.runner = runner;
    }

    /** Called when every prompt of round r is settled: the one caller that moves it to TRAIN runs it. */
    public void generationComplete(String jobId, int round) {
        if (transitions.beginTraining(jobId, round)) {
            run(jobId, round);
        }
    }

    /** Goes on with the round in progress where it stood, or with the next formed round. */
    void resume(String jobId) {
        worker.submit(jobId, "resume rounds", () -> resumeRounds(jobId));
    }

    /** Begins the next formed round unless one is in progress; on the worker thread only. */
    void advance(String jobId) {
        guard.check(jobId);
        if (iterations.firstUnfinished(jobId).isEmpty()) {
            launcher.beginNextFormed(jobId);
        }
    }

    @EventListener
    void roundsFormed(RoundsFormed event) {
        worker.submit(event.jobId(), "next round", () -> advance(event.jobId()));
    }

    private void resumeRounds(String jobId) {
        guard.check(jobId);
        Optional<IterationRecord> current = iterations.firstUnfinished(jobId);
        if (current.isEmpty()) {
            advance(jobId);
            return;
        }
        int round = current.get().iteration();
        if (current.get().phase() != Phase.GENERATE) {
            run(jobId, round);
        } else if (launcher.republishUnanswered(jobId, round) == 0) {
            generationComplete(jobId, round);
        }
    }

    private void run(String jobId, int round) {
        worker.submit(jobId, "round " + round, () -> {
            runner.run(jobId, round);
            advance(jobId);
        });
    }
}
