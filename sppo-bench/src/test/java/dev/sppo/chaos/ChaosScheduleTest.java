package dev.sppo.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sppo.chaos.Fault.Target;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

class ChaosScheduleTest {

    @Test
    void everyServiceIsKilledInEveryPhaseAndBetweenIterations() {
        for (Target service : List.of(Target.TRAINER, Target.GENERATOR, Target.PREFERENCE, Target.GATEWAY)) {
            assertThat(ChaosSchedule.KINDS.stream()
                    .filter(f -> f.target() == service && f.job() == Fault.JobKind.BATCH).map(Fault::describe))
                    .containsExactly(service.label() + " in iteration 0 GENERATE",
                            service.label() + " in iteration 0 TRAIN", service.label() + " in iteration 0 EVALUATE",
                            service.label() + " in iteration 1 GENERATE");
        }
        assertThat(ChaosSchedule.KINDS).hasSize(29).extracting(Fault::target).contains(Target.values());
        assertThat(ChaosSchedule.KINDS.stream().map(Fault::describe).distinct()).hasSize(29);
        assertThat(ChaosSchedule.KINDS.stream().filter(f -> f.job() == Fault.JobKind.CONTINUOUS)
                .map(Fault::describe)).containsExactly("kill -9 trainer in continuous round 0 GENERATE",
                        "kill -9 generator-1 in continuous round 0 GENERATE",
                        "kill -9 preference in continuous round 0 GENERATE",
                        "kill -9 gateway in continuous round 0 GENERATE");
    }

    @Test
    void trialsRepeatEveryKindInOrderWithOneFaultEach() {
        List<List<Fault>> trials = ChaosSchedule.of(2);

        assertThat(trials).hasSize(58).allSatisfy(t -> assertThat(t).hasSize(1));
        assertThat(trials.get(29).get(0)).isEqualTo(ChaosSchedule.KINDS.get(0));
        assertThatThrownBy(() -> ChaosSchedule.of(0)).hasMessageContaining("--trials");
    }

    @Test
    void aFilterKeepsTheKindsWhoseDescriptionContainsItIgnoringCase() {
        assertThat(ChaosSchedule.of(3, "POSTGRES").stream().map(t -> t.get(0).describe()).distinct())
                .containsExactly("postgres restart in iteration 0 GENERATE", "postgres restart in iteration 0 TRAIN",
                        "postgres crash (kill -9 postmaster) in iteration 0 GENERATE",
                        "postgres crash (kill -9 postmaster) in iteration 0 TRAIN");
        assertThat(ChaosSchedule.of(3, "postgres")).hasSize(12);
        assertThatThrownBy(() -> ChaosSchedule.of(1, "meteor strike")).hasMessageContaining("--faults")
                .hasMessageContaining("kill -9 trainer in iteration 0 TRAIN");
    }

    @Test
    void onlyTheFullDiskMayFailAJobAndOnlyWithAReason() {
        FaultOutcome fullDisk = new FaultOutcome(new Fault(Target.TRAINER_FULL_DISK, 0, Fault.JobPhase.TRAIN), true,
                1);
        FaultOutcome kill = new FaultOutcome(new Fault(Target.TRAINER, 0, Fault.JobPhase.TRAIN), true, 1);

        assertThat(failed(fullDisk, "train: File too large", 0).clean()).isTrue();
        assertThat(failed(fullDisk, "", 0).clean()).isFalse();
        assertThat(failed(kill, "x", 0).clean()).isFalse();
        assertThat(failed(fullDisk, "x", 1).clean()).as("a checkpoint without its complete file").isFalse();
    }

    private static TrialResult failed(FaultOutcome fault, String reason, int incompleteCheckpoints) {
        return new TrialResult("a", List.of(fault), "FAILED", reason, new TrialResult.PromptCounts(0, 0, 0),
                incompleteCheckpoints, Map.of(), TrialResult.MetricsCheck.DIFFERENT);
    }
}
