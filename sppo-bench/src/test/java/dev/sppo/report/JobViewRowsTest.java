package dev.sppo.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sppo.contracts.MessageCodec;
import dev.sppo.contracts.job.JobView;
import dev.sppo.evaluation.WinRate;
import dev.sppo.report.ReportRow.MeanLength;
import dev.sppo.report.ReportRow.PhaseSeconds;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

class JobViewRowsTest {

    /** A job view as trainer-service returns it: iteration 0 done, iteration 1 trained but not evaluated. */
    private static final String RUNNING_JOB = """
            {"id":"j-42","name":"demo","state":"RUNNING","iteration":1,"phase":"EVALUATE","failureReason":null,
             "config":{"iterations":3},
             "iterations":[
              {"iteration":1,"phase":"EVALUATE","expectedPrompts":4,"receivedPrompts":4,
               "metrics":{"generate_seconds":2.5,"loss":1.5,"winner_win_rate":0.7,"loser_win_rate":0.3,
                          "reference_log_ratio":0.2,"train_seconds":4.0}},
              {"iteration":0,"phase":"EVALUATE","expectedPrompts":4,"receivedPrompts":4,
               "metrics":{"generate_seconds":3.0,"prompts":4,"loss":1.25,"winner_win_rate":0.75,
                          "loser_win_rate":0.25,"reference_log_ratio":-0.1,"kl":null,"train_seconds":5.0,
                          "base_task_score":0.5,"base_exact_match":0.25,
                          "win_rate_vs_base":{"rate":0.6,"lower":0.55,"upper":0.65,"wins":55,"ties":10,"losses":35},
                          "win_rate_vs_previous":{"rate":0.6,"lower":0.55,"upper":0.65,"wins":55,"ties":10,"losses":35},
                          "task_score":0.625,"exact_match":0.375,"mean_response_length":3.5,
                          "evaluate_seconds":1.5}}],
             "checkpoints":[]}
            """;

    @Test
    void iterationTOfTheJobBecomesRowTPlusOneAndIterationZeroAlsoGivesTheBaseRow() {
        ReportSource source = JobViewRows.of(decode(RUNNING_JOB));

        assertThat(source.title()).isEqualTo("job demo (j-42), RUNNING at iteration 1 EVALUATE");
        List<ReportRow> rows = source.rows();
        assertThat(rows).extracting(ReportRow::iteration).containsExactly(0, 1, 2);
        assertThat(rows.get(0)).isEqualTo(new ReportRow(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                null, null, null, Double.NaN, 0.5, 0.25, MeanLength.UNMEASURED, PhaseSeconds.UNMEASURED));
        WinRate w = new WinRate(0.6, 0.55, 0.65, 55, 10, 35);
        assertThat(rows.get(1)).isEqualTo(new ReportRow(1, 1.25, 0.75, 0.25, Double.NaN, -0.1, w, w, null, Double.NaN,
                0.625, 0.375, new MeanLength(Double.NaN, 3.5), new PhaseSeconds(3.0, Double.NaN, 5.0, 1.5)));
        assertThat(rows.get(2).loss()).isEqualTo(1.5);
        assertThat(rows.get(2).referenceLogRatio()).isEqualTo(0.2);
        assertThat(rows.get(2).vsBase()).isNull();
        assertThat(rows.get(2).taskScore()).isNaN();
    }

    @Test
    void queuedJobHasNoRowsToReport() {
        String queued = "{\"id\":\"j-1\",\"name\":null,\"state\":\"QUEUED\",\"iterations\":[]}";

        assertThatThrownBy(() -> JobViewRows.of(decode(queued))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("job j-1, QUEUED has no measured iteration yet");
    }

    @Test
    void rowsThatHaveMeasuredNeitherALossNorATaskScoreAreLeftOut() {
        String untrainedBase = """
                {"id": "j-2", "name": "demo", "state": "RUNNING", "iteration": 0, "phase": "TRAIN",
                 "iterations": [{"iteration": 0, "metrics": {"generate_seconds": 2.0, "train_seconds": 1.0,
                   "loss": null}}]}
                """;

        assertThatThrownBy(() -> JobViewRows.of(decode(untrainedBase)))
                .hasMessage("job demo (j-2), RUNNING at iteration 0 TRAIN has no measured iteration yet");
    }

    private static JobView decode(String json) {
        return MessageCodec.decode(json.getBytes(StandardCharsets.UTF_8), JobView.class);
    }
}
