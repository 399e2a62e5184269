package dev.sppo.contracts.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class PolicyRowTest {

    /** Iteration 1 listed first: trained, not yet evaluated; iteration 0 trained and evaluated. */
    private static final String RUNNING = """
            {"id": "j-42", "state": "RUNNING", "iteration": 2, "phase": "GENERATE", "iterations": [
              {"iteration": 1, "metrics": {"train_seconds": 4.0, "loss": 1.5}},
              {"iteration": 0, "metrics": {"base_task_score": 0.5, "base_exact_match": 0.25, "train_seconds": 5.0,
                "loss": 1.25, "task_score": 0.625, "exact_match": 0.375,
                "win_rate_vs_base": {"rate": 0.6, "lower": 0.55, "upper": 0.65, "wins": 55, "ties": 10,
                  "losses": 35}}},
              {"iteration": 2, "metrics": {"generate_seconds": 1.0}}]}
            """;

    @Test
    void rowZeroIsTheBaseAndRowTPlusOneTakesIterationTsMetricsInOrderOfT() {
        List<PolicyRow> rows = PolicyRow.of(JobViewTest.decode(RUNNING));

        assertThat(rows).extracting(PolicyRow::policy).containsExactly(0, 1, 2);
        assertThat(rows).extracting(row -> row.measured().iteration()).containsExactly(0, 0, 1);
        assertThat(rows.get(1).metric(Metric.LOSS)).isEqualTo(1.25);
        assertThat(rows.get(1).metric(Metric.TASK_SCORE)).isEqualTo(0.625);
        assertThat(rows.get(1).winRate(Metric.WIN_RATE_VS_BASE)).hasValue(new WinRateView(0.6, 0.55, 0.65, 55, 10,
                35));
        assertThat(rows.get(2).metric(Metric.LOSS)).isEqualTo(1.5);
        assertThat(rows.get(2).metric(Metric.TASK_SCORE)).isNaN();
    }

    @Test
    void theBaseRowHasOnlyPiZerosHeldOutScores() {
        PolicyRow base = PolicyRow.of(JobViewTest.decode(RUNNING)).get(0);

        assertThat(base.isBase()).isTrue();
        assertThat(base.metric(Metric.TASK_SCORE)).isEqualTo(0.5);
        assertThat(base.metric(Metric.EXACT_MATCH)).isEqualTo(0.25);
        assertThat(base.metric(Metric.LOSS)).isNaN();
        assertThat(base.metric(Metric.TRAIN_SECONDS)).isNaN();
        assertThat(base.winRate(Metric.WIN_RATE_VS_BASE)).isEmpty();
    }

    @Test
    void anIterationThatNeverTrainedHasNoRowAndAJobThatHasNotBegunNone() {
        JobView generating = JobViewTest.decode("""
                {"id": "j-1", "state": "FAILED", "iterations": [{"iteration": 0, "metrics": {}}]}
                """);

        assertThat(PolicyRow.of(generating)).extracting(PolicyRow::policy).containsExactly(0);
        assertThat(PolicyRow.of(JobViewTest.decode("{\"id\":\"j-1\",\"iterations\":[]}"))).isEmpty();
    }
}
