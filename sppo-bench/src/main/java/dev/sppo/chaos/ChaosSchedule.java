package dev.sppo.chaos;

import dev.sppo.chaos.Fault.JobKind;
import dev.sppo.chaos.Fault.JobPhase;
import dev.sppo.chaos.Fault.Target;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The faults {@code sppo chaos} injects, one per trial. */
public final class ChaosSchedule {

    /** The points of a job every service is killed at: each phase of iteration 0, and iteration 1's start. */
    private static final List<Fault> POINTS = List.of(new Fault(Target.TRAINER, 0, JobPhase.GENERATE),
            new Fault(Target.TRAINER, 0, JobPhase.TRAIN), new Fault(Target.TRAINER, 0, JobPhase.EVALUATE),
            new Fault(Target.TRAINER, 1, JobPhase.GENERATE));

    private static final List<Target> KILLED = List.of(Target.TRAINER, Target.GENERATOR, Target.PREFERENCE,
            Target.GATEWAY);

    /**
     * Every service killed in every phase (GENERATE, TRAIN and EVALUATE of iteration 0, and between iterations:
     * once iteration 1 has stored its first result); the broker restarted mid-generation, and killed
     * mid-generation and in training; PostgreSQL restarted
     * and crashed in generation and in training; a generator frozen mid-generation past its session timeout; the
     * trainer's checkpoint write failing part-way on a full disk; and every service killed in the middle of a
     * continuous job's first round.
     */
    public static final List<Fault> KINDS = kinds();

    private ChaosSchedule() {}

    private static List<Fault> kinds() {
        List<Fault> kinds = new ArrayList<>();
        for (Target target : KILLED) {
            for (Fault point : POINTS) {
                kinds.add(new Fault(target, point.iteration(), point.phase()));
            }
        }
        kinds.addAll(List.of(new Fault(Target.BROKER, 0, JobPhase.GENERATE),
                new Fault(Target.BROKER_KILL, 0, JobPhase.GENERATE), new Fault(Target.BROKER_KILL, 0, JobPhase.TRAIN),
                new Fault(Target.DATABASE, 0, JobPhase.GENERATE), new Fault(Target.DATABASE, 0, JobPhase.TRAIN),
                new Fault(Target.DATABASE_CRASH, 0, JobPhase.GENERATE),
                new Fault(Target.DATABASE_CRASH, 0, JobPhase.TRAIN),
                new Fault(Target.GENERATOR_FREEZE, 0, JobPhase.GENERATE),
                new Fault(Target.TRAINER_FULL_DISK, 0, JobPhase.TRAIN)));
        for (Target target : KILLED) {
            kinds.add(new Fault(target, 0, JobPhase.GENERATE, JobKind.CONTINUOUS));
        }
        return List.copyOf(kinds);
    }

    /** {@code trialsPerKind} trials of each of {@link #KINDS}, kind after kind, each trial one fault. */
    public static List<List<Fault>> of(int trialsPerKind) {
        return of(trialsPerKind, "");
    }

    /**
     * {@code trialsPerKind} trials of each of the {@link #KINDS} whose {@link Fault#describe description} contains
     * {@code only} (ignoring case; blank for all), kind after kind, each trial one fault.
     *
     * @throws IllegalArgumentException when no kind matches, listing the kinds
     */
    public static List<List<Fault>> of(int trialsPerKind, String only) {
        if (trialsPerKind < 1) {
            throw new IllegalArgumentException("--trials must be at least 1, got " + trialsPerKind);
        }
        String wanted = only.toLowerCase(Locale.ROOT);
        List<Fault> kinds = KINDS.stream().filter(k -> k.describe().toLowerCase(Locale.ROOT).contains(wanted)).toList();
        if (kinds.isEmpty()) {
            throw new IllegalArgumentException("--faults '" + only + "' matches no fault kind; the kinds are: "
                    + String.join("; ", KINDS.stream().map(Fault::describe).toList()));
        }
        List<List<Fault>> trials = new ArrayList<>();
        for (int round = 0; round < trialsPerKind; round++) {
            for (Fault kind : kinds) {
                trials.add(List.of(kind));
            }
        }
        return trials;
    }
}
