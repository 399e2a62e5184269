package dev.sppo.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sppo.evaluation.WinRate;
import dev.sppo.report.ReportRow.PhaseSeconds;

import java.util.List;

import org.junit.jupiter.api.Test;

class VerdictTest {

    @Test
    void lowerBoundAboveHalfMeansTheLastEvaluatedPolicyBeatsTheBase() {
        Verdict verdict = Verdict.of(List.of(row(1, new WinRate(0.45, 0.40, 0.49, 40, 10, 50)),
                row(2, new WinRate(0.56, 0.51, 0.61, 50, 12, 38)), row(3, null)));

        assertThat(verdict.outcome()).isEqualTo(Verdict.Outcome.BETTER);
        assertThat(verdict.text()).isEqualTo("π_2 against π_0: win rate 0.560, 95% CI [0.510, 0.610] over 100 "
                + "comparisons; the lower bound is above 0.5: π_2 beats π_0.");
    }

    @Test
    void upperBoundBelowHalfMeansWorseAndAnIntervalAroundHalfDecidesNothing() {
        assertThat(Verdict.of(List.of(row(1, new WinRate(0.45, 0.40, 0.49, 40, 10, 50)))).outcome())
                .isEqualTo(Verdict.Outcome.WORSE);
        Verdict undecided = Verdict.of(List.of(row(1, new WinRate(0.5, 0.5, 0.5, 0, 4, 0))));
        assertThat(undecided.outcome()).isEqualTo(Verdict.Outcome.UNDECIDED);
        assertThat(undecided.text()).endsWith("; the interval contains 0.5: no significant difference.");
    }

    @Test
    void withoutAnyEvaluationThereIsNoVerdict() {
        assertThat(Verdict.of(List.of(row(0, null))).text())
                .isEqualTo("No policy has been evaluated against π_0 yet.");
    }

    private static ReportRow row(int t, WinRate vsBase) {
        return new ReportRow(t, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, vsBase, null, null,
                Double.NaN, 0.5, 0.5, ReportRow.MeanLength.UNMEASURED, PhaseSeconds.UNMEASURED);
    }
}
