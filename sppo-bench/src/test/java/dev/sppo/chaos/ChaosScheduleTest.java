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
            assertThat(ChaosSchedule.KINDS.stream().filter(f -> f.target() == service).map(Fault::describe))
                    .containsExactly(service.label() + " in iteration 0 GENERATE",
                            service.label() + " in iteration 0 TRAIN", service.label() + " in iteration 0 EVALUATE",
                            service.label() + " in iteration 1 GENERATE");
        }
        assertThat(ChaosSchedule.KINDS).hasSize(23).extracting(Fault::target).contains(Target.values());
        assertThat(ChaosSchedule.KINDS.stream().map(Fault::describe).distinct()).hasSize(23);
    }

    @Test
    void trialsRepeatEveryKindInOrderWithOneFaultEach() {
        List<List<Fault>> trials = ChaosSchedule.of(2);

        assertThat(trials).hasSize(46).allSatisfy(t -> assertThat(t).hasSize(1));
        assertThat(trials.get(23).get(0)).isEqualTo(ChaosSchedule.KINDS.get(0));
        assertThatThrownBy(() -> ChaosSchedule.of(0)).hasMessageContaining("--trials");
    }

    @Test
    void onlyTheFullDiskMayFailAJobAndOnlyWithAReason() {
        FaultOutcome fullDisk = new FaultOutcome(new Fault(Target.TRAINER_FULL_DISK, 0, Fault.JobPhase.TRAIN), true,
                1);
        FaultOutcome kill = new FaultOutcome(new Fault(Target.TRAINER, 0, Fault.JobPhase.TRAIN), true, 1);

        assertThat(new TrialResult("a", List.of(fullDisk), "FAILED", "train: File too large", 0, 0, 0, Map.of(),
                false).clean()).isTrue();
        assertThat(new TrialResult("b", List.of(fullDisk), "FAILED", "", 0, 0, 0, Map.of(), false).clean())
                .isFalse();
        assertThat(new TrialResult("c", List.of(kill), "FAILED", "x", 0, 0, 0, Map.of(), false).clean())
                .isFalse();
        assertThat(new TrialResult("d", List.of(fullDisk), "FAILED", "x", 0, 0, 1, Map.of(), false).clean())
                .isFalse();
    }
}
