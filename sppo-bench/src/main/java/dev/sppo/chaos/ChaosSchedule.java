package dev.sppo.chaos;

import dev.sppo.chaos.Fault.JobPhase;
import dev.sppo.chaos.Fault.Target;

import java.util.ArrayList;
import java.util.List;

/** The faults {@code sppo chaos} injects, one per trial. */
public final class ChaosSchedule {

    /**
     * Every process in every phase it matters in: the trainer in each phase of the first iteration and at the start
     * of the second (between iterations), a generator, the preference-service and the gateway mid-generation, the
     * broker mid-generation and PostgreSQL in generation and in training.
     */
    public static final List<Fault> KINDS = List.of(
            new Fault(Target.TRAINER, 0, JobPhase.GENERATE), new Fault(Target.TRAINER, 0, JobPhase.TRAIN),
            new Fault(Target.TRAINER, 0, JobPhase.EVALUATE), new Fault(Target.TRAINER, 1, JobPhase.GENERATE),
            new Fault(Target.GENERATOR, 0, JobPhase.GENERATE), new Fault(Target.PREFERENCE, 0, JobPhase.GENERATE),
            new Fault(Target.GATEWAY, 0, JobPhase.GENERATE), new Fault(Target.BROKER, 0, JobPhase.GENERATE),
            new Fault(Target.DATABASE, 0, JobPhase.GENERATE), new Fault(Target.DATABASE, 0, JobPhase.TRAIN));

    private ChaosSchedule() {}

    /** {@code trialsPerKind} trials of each of {@link #KINDS}, kind after kind, each trial one fault. */
    public static List<List<Fault>> of(int trialsPerKind) {
        if (trialsPerKind < 1) {
            throw new IllegalArgumentException("--trials must be at least 1, got " + trialsPerKind);
        }
        List<List<Fault>> trials = new ArrayList<>();
        for (int round = 0; round < trialsPerKind; round++) {
            for (Fault kind : KINDS) {
                trials.add(List.of(kind));
            }
        }
        return trials;
    }
}
