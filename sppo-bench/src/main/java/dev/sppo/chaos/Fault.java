package dev.sppo.chaos;

import dev.sppo.perf.ProcessPlatform;

import java.io.IOException;
import java.util.Locale;

/**
 * One fault of a trial: what is hit, and when, as the job's row in PostgreSQL says (its iteration and phase).
 *
 * @param target the process that is killed and started again, or the server that is restarted
 * @param iteration the job's iteration at which it is injected (from 0)
 * @param phase the job's phase at which it is injected
 */
public record Fault(Target target, int iteration, JobPhase phase) {

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
        /** The broker stopped and started again on the same log directory. */
        BROKER("broker restart"),
        /** PostgreSQL stopped (fast shutdown) and started again on the same cluster. */
        DATABASE("postgres restart");

        private final String label;

        Target(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** The job phases a fault can be timed to (the {@code phase} column of {@code jobs}). */
    public enum JobPhase { GENERATE, TRAIN, EVALUATE }

    public Fault {
        if (target == null || phase == null) {
            throw new IllegalArgumentException("a fault needs a target and a phase");
        }
        if (iteration < 0) {
            throw new IllegalArgumentException("fault iteration must be >= 0, got " + iteration);
        }
    }

    /** Hits the target: kills the service, or stops the server. */
    void hit(ProcessPlatform platform) throws IOException, InterruptedException {
        switch (target) {
            case BROKER -> platform.stopBroker();
            case DATABASE -> platform.stopDatabase();
            default -> platform.kill(service());
        }
    }

    /** Starts what {@link #hit} took down again, and returns once it serves. */
    void recover(ProcessPlatform platform) throws IOException, InterruptedException {
        switch (target) {
            case BROKER -> platform.startBroker();
            case DATABASE -> platform.startDatabase();
            default -> platform.restart(service());
        }
    }

    private String service() {
        return switch (target) {
            case TRAINER -> ProcessPlatform.TRAINER;
            case GENERATOR -> ProcessPlatform.generator(1);
            case PREFERENCE -> ProcessPlatform.PREFERENCE;
            case GATEWAY -> ProcessPlatform.GATEWAY;
            default -> throw new IllegalStateException(target + " is not a service");
        };
    }

    /** Such as "kill -9 trainer in iteration 0 TRAIN". */
    public String describe() {
        return target.label() + " in iteration " + iteration + " " + phase.name().toUpperCase(Locale.ROOT);
    }
}
