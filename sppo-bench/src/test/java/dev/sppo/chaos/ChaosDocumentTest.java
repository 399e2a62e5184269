package dev.sppo.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.sppo.chaos.Fault.JobPhase;
import dev.sppo.chaos.Fault.Target;
import dev.sppo.chaos.TrialResult.MetricsCheck;
import dev.sppo.chaos.TrialResult.PromptCounts;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

class ChaosDocumentTest {

    private static final Map<Integer, JsonObject> METRICS = Map.of(0, JsonParser.parseString(
            "{\"loss\": 1.5, \"win_rate_vs_base\": {\"rate\": 0.5417}}").getAsJsonObject());
    private static final Fault TRAINER_IN_TRAIN = new Fault(Target.TRAINER, 0, JobPhase.TRAIN);
    private static final Fault FULL_DISK = new Fault(Target.TRAINER_FULL_DISK, 0, JobPhase.TRAIN);

    private static TrialResult trial(Fault fault, double recovery, String state, String reason, long lost) {
        return new TrialResult("job-" + recovery, List.of(new FaultOutcome(fault, true, recovery)), state, reason,
                new PromptCounts(lost, 0, 0), 0, METRICS, state.equals("SUCCEEDED") ? MetricsCheck.SAME
                        : MetricsCheck.DIFFERENT);
    }

    private static ChaosReport report(List<TrialResult> trials) {
        TrialResult baseline = new TrialResult("base", List.of(), "SUCCEEDED", null, new PromptCounts(0, 0, 0), 0,
                METRICS, MetricsCheck.SAME);
        return new ChaosReport(baseline, trials, 120, 60, new MachineLoad(2, List.of(4.0, 8.0, 6.0)));
    }

    @Test
    void theTemplatesProseFramesOneRowPerFaultWithCountsMedianAndMaxRecovery() {
        ChaosReport report = report(List.of(trial(TRAINER_IN_TRAIN, 3.0, "SUCCEEDED", null, 0),
                trial(TRAINER_IN_TRAIN, 5.0, "SUCCEEDED", null, 2),
                trial(FULL_DISK, 20.0, "FAILED", "train: File too large", 0)));

        String doc = ChaosDocument.render("./sppo chaos --trials 2", report, Optional.empty(), Optional.empty());

        assertThat(doc).startsWith("# Reliability").contains("## Guarantees", "## How it is tested",
                "## Not covered yet").doesNotContain("{{");
        assertThat(doc).contains(
                "| kill -9 trainer in iteration 0 TRAIN | 2 | 2 | 2 | 0 | 0 | 2 | 0 | 0 | 0 | 2 | 4.0 | 5.0 |");
        assertThat(doc).contains("| trainer on a full disk, checkpoint write fails in iteration 0 TRAIN | 1 | 1 | 0 "
                + "| 1 | 0 | 0 | 0 | 0 | 0 | 0 | 20.0 | 20.0 |");
        assertThat(doc).contains("FAILED as it may by design: train: File too large");
        assertThat(doc).contains("`./sppo chaos --trials 2` on 2 cores (1-minute load average 6.0 on average and 8.0 "
                + "at most");
        // (120 - 60) s over 3 trials: 20 s a trial; 60 s + 20 s x 29 kinds x 10 = 5,860 s
        assertThat(doc).contains("3 trials of 20.0 s on average. At that pace `--trials 10` takes about 98 min.");
        assertThat(doc).contains("iteration 0 loss 1.500000, win rate vs π_0 0.5417;");
        assertThat(doc).contains("This run did not fuzz (", "This run did not soak");
    }

    @Test
    void aStuckTrialIsCountedAndExplainedAndNeverClean() {
        Fault restart = new Fault(Target.DATABASE, 0, JobPhase.TRAIN);
        TrialResult stuck = new TrialResult("s", List.of(new FaultOutcome(restart, true, 1.5)), TrialResult.STUCK,
                "job s did not get to end within 10 min; it is at RUNNING iteration 0 TRAIN",
                new PromptCounts(0, 0, 0), 0, Map.of(), MetricsCheck.NOT_COMPARED);

        String doc = ChaosDocument.render("./sppo chaos", report(List.of(stuck)), Optional.empty(),
                Optional.empty());

        assertThat(stuck.clean()).isFalse();
        assertThat(doc).contains("| postgres restart in iteration 0 TRAIN | 1 | 1 | 0 | 0 | 1 | 0 |")
                .contains("- job s (postgres restart in iteration 0 TRAIN) STUCK, then cancelled: job s did not get "
                        + "to end within 10 min; it is at RUNNING iteration 0 TRAIN");
    }

    @Test
    void theSoakSectionCountsStepsJvmsAndListsEveryCrash() {
        SoakResult soak = new SoakResult(2, 2, 1_234_567, 181.6, 4200, 2,
                List.of("status 134 after 50 steps: C [libtorch_cpu.so+0x1] (torchBackward on the stack)"));

        String doc = ChaosDocument.render("./sppo chaos", report(List.of()), Optional.of(soak), Optional.empty());

        assertThat(doc).contains("4,200 training steps in 182 s at 2 intra-op threads, each step's forward and "
                + "backward passes split over 2 data-parallel workers (a random LLaMA of 1,234,567 parameters")
                .contains("in 2 JVMs: 1 crash.\n\n- status 134 after 50 steps: C [libtorch_cpu.so+0x1] "
                        + "(torchBackward on the stack)\n\n## Fuzz totals")
                .doesNotContain("did not soak");
    }

    @Test
    void continuousTrialsCountDroppedPromptsAndLeaveTheirMetricsUncompared() {
        Fault kill = new Fault(Target.PREFERENCE, 0, JobPhase.GENERATE, Fault.JobKind.CONTINUOUS);
        TrialResult trial = new TrialResult("c", List.of(new FaultOutcome(kill, true, 12.5)), "SUCCEEDED", null,
                new PromptCounts(0, 0, 3), 0, Map.of(), MetricsCheck.NOT_COMPARED);

        String doc = ChaosDocument.render("./sppo chaos", report(List.of(trial)), Optional.empty(),
                Optional.empty());

        assertThat(trial.clean()).isTrue();
        assertThat(doc).contains("| kill -9 preference in continuous round 0 GENERATE | 1 | 1 | 1 | 0 | 0 | 0 | 0 "
                + "| 3 | 0 | n/a | 12.5 | 12.5 |");
    }

    @Test
    void fuzzTotalsGoUnderTheirOwnHeadingBeforeWhatIsNotCovered() {
        String doc = ChaosDocument.render("./sppo chaos", report(List.of()), Optional.empty(),
                Optional.of("| fuzz | sent |\n"));

        assertThat(doc).doesNotContain("This run did not fuzz (");
        assertThat(doc.indexOf("## Fuzz totals\n\n| fuzz | sent |\n")).isPositive()
                .isLessThan(doc.indexOf("## Not covered yet"));
    }
}
