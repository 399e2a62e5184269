package dev.sppo.chaos;

import dev.sppo.perf.ProcessPlatform;

import java.io.IOException;
import java.time.Duration;
import java.util.Locale;

/**
 * One fault of a trial: what is hit, and when, as the job's row in PostgreSQL says (its iteration and phase).
 *
 * @param target the process that is killed and started again, or the server that is restarted
 * @param iteration the job's iteration (a continuous job's round) at which it is injected (from 0)
 * @param phase the job's phase at which it is injected
 * @param job the kind of job the trial runs
 */
public record Fault(Target target, int iteration, JobPhase phase, JobKind job) {

    /**
     * How long a frozen generator stays frozen: longer than the services' {@code session.timeout.ms} (10 s), so
     * that its group rebalances its partitions to the other replica before it wakes up.
     */
    static final Duration FREEZE = Duration.ofSeconds(15);

    /** How long the trainer runs on a full disk before it gets its space back, at most. */
    static final Duration FULL_DISK_LIMIT = Duration.ofMinutes(2);

    /** What a fault hits. */
    public enum Target {
        /** {@code kill -9} of the trainer-service, then a restart. */
        TRAINER("kill -9 trainer"),
        /** {@code kill -9} of the first generator replica, then a restart (the second replica keeps serving). */
        GENERATOR("kill -9 generator-1"),
        /** {@code kill -9} of the preference-service, then a restart. */
        PREFERENCE("kill -9 preference"),
        /** {@code kill -9} of the gateway, then a restart. */
        GATEWAY("kill -9 gateway"),
        /** The broker stopped (a controlled shutdown) and started again on the same log directory. */
        BROKER("broker restart"),
        /** {@code kill -9} of the broker's process, then a start on the same log directory. */
        BROKER_KILL("kill -9 broker"),
        /** PostgreSQL stopped (fast shutdown) and started again on the same cluster. */
        DATABASE("postgres restart"),
        /** PostgreSQL crashed ({@code kill -9} of its postmaster) and started again: crash recovery. */
        DATABASE_CRASH("postgres crash (kill -9 postmaster)"),
        /** The first generator replica frozen (SIGSTOP) for {@link #FREEZE}, then let go on (SIGCONT). */
        GENERATOR_FREEZE("SIGSTOP generator-1 for 15 s"),
        /**
         * The trainer killed and started again on a full disk (no file may grow past half the job's first
         * checkpoint), so that its next checkpoint write fails part-way; once the job has failed or moved past the
         * fault's point it is killed and started again with its space back. The job may end FAILED by design.
         */
        TRAINER_FULL_DISK("trainer on a full disk, checkpoint write fails");

        private final String label;

        Target(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        /** True when the job may end FAILED under this fault by design (a clean, explained failure). */
        public boolean mayFailJob() {
            return this == TRAINER_FULL_DISK;
        }
    }

    /** The job phases a fault can be timed to (the {@code phase} column of {@code jobs}). */
    public enum JobPhase { GENERATE, TRAIN, EVALUATE }

    /** The job a trial runs: the batch {@link ChaosJob}, or the {@link ContinuousJob} fed through Kafka. */
    public enum JobKind { BATCH, CONTINUOUS }

    public Fault {
        if (target == null || phase == null || job == null) {
            throw new IllegalArgumentException("a fault needs a target, a phase and a job kind");
        }
        if (iteration < 0) {
            throw new IllegalArgumentException("fault iteration must be >= 0, got " + iteration);
        }
    }

    /** A fault of a batch job's trial. */
    public Fault(Target target, int iteration, JobPhase phase) {
        this(target, iteration, phase, JobKind.BATCH);
    }

    /** Hits the target: kills or freezes the service, or stops the server. */
    void hit(FaultScene scene) throws IOException, InterruptedException {
        ProcessPlatform platform = scene.platform();
        switch (target) {
            case BROKER -> platform.stopBroker();
            case BROKER_KILL -> platform.killBroker();
            case DATABASE -> platform.stopDatabase();
            case DATABASE_CRASH -> platform.crashDatabase();
            case GENERATOR_FREEZE -> platform.freeze(service());
            case TRAINER_FULL_DISK -> platform.restartWithFileLimit(service(), scene.firstCheckpointBytes() / 2);
            default -> platform.kill(service());
        }
    }

    /** Undoes what {@link #hit} did (starts it again, lets it go on) and returns once it serves. */
    void recover(FaultScene scene) throws IOException, InterruptedException {
        ProcessPlatform platform = scene.platform();
        switch (target) {
            case BROKER, BROKER_KILL -> platform.startBroker();
            case DATABASE, DATABASE_CRASH -> platform.startDatabase();
            case GENERATOR_FREEZE -> {
                Thread.sleep(FREEZE.toMillis());
                platform.thaw(service());
            }
            case TRAINER_FULL_DISK -> {
                scene.awaitPast(this, FULL_DISK_LIMIT);
                platform.kill(service());
                platform.restart(service());
            }
            default -> platform.restart(service());
        }
    }

    private String service() {
        return switch (target) {
            case TRAINER, TRAINER_FULL_DISK -> ProcessPlatform.TRAINER;
            case GENERATOR, GENERATOR_FREEZE -> ProcessPlatform.generator(1);
            case PREFERENCE -> ProcessPlatform.PREFERENCE;
            case GATEWAY -> ProcessPlatform.GATEWAY;
            default -> throw new IllegalStateException(target + " is not a service");
        };
    }

    /** Such as "kill -9 trainer in iteration 0 TRAIN" or "kill -9 trainer in continuous round 0 GENERATE". */
    public String describe() {
        return target.label() + (job == JobKind.CONTINUOUS ? " in continuous round " : " in iteration ") + iteration
                + " " + phase.name().toUpperCase(Locale.ROOT);
    }
}
