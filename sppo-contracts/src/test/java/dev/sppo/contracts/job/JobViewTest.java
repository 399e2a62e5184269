package dev.sppo.contracts.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sppo.contracts.InvalidMessageException;
import dev.sppo.contracts.MessageCodec;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.AbstractMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class JobViewTest {

    /** A finished job of one iteration, as the trainer writes it: ISO instants, metrics under their keys. */
    private static final String FINISHED = """
            {"id": "j-7", "name": "demo", "kind": "batch", "state": "SUCCEEDED", "iteration": 0, "phase": null,
             "failureReason": null, "createdAt": "2026-11-24T10:00:00Z", "updatedAt": "2026-11-24T10:05:00.250Z",
             "config": {"iterations": 1, "training": {"beta": 0.1}},
             "iterations": [{"iteration": 0, "phase": "EVALUATE", "expectedPrompts": 4, "receivedPrompts": 4,
               "startedAt": "2026-11-24T10:01:40Z", "finishedAt": "2026-11-24T10:04:00Z",
               "metrics": {"generate_seconds": 10.5, "steps": 12, "loss": 1.5, "kl": null, "note": "kept",
                 "win_rate_vs_base": {"rate": 0.6, "lower": 0.55, "upper": 0.65, "wins": 5, "ties": 2, "losses": 3}}}],
             "checkpoints": [{"id": "j-7-v1", "jobId": "j-7", "policyVersion": 1, "uri": "file:/store/v1",
               "sha256": "ab", "bytes": 10, "parentId": "j-7-v0", "createdAt": "2026-11-24T10:03:00Z",
               "manifestSha256": "cd"}]}
            """;

    static JobView decode(String json) {
        return MessageCodec.decode(json.getBytes(StandardCharsets.UTF_8), JobView.class);
    }

    @Test
    void decodesWhatTheTrainerWritesWithItsInstantsMetricsAndCheckpoints() {
        JobView job = decode(FINISHED);

        assertThat(job.id()).isEqualTo("j-7");
        assertThat(job.ended()).isTrue();
        assertThat(job.succeeded()).isTrue();
        assertThat(job.updatedAt()).isEqualTo(Instant.parse("2026-11-24T10:05:00.250Z"));
        assertThat(job.config()).containsKey("training");
        assertThat(job.baseSeconds()).as("submission to the start of iteration 0").isEqualTo(100.0);
        assertThat(job.checkpointUri(1)).hasValue("file:/store/v1");
        assertThat(job.checkpointUri(0)).isEmpty();
        IterationView first = job.iterationAt(0).orElseThrow();
        assertThat(first.metric(Metric.GENERATE_SECONDS)).isEqualTo(10.5);
        assertThat(first.metric(Metric.STEPS)).isEqualTo(12);
        assertThat(first.metric(Metric.KL)).as("stored as null: not finite").isNaN();
        assertThat(first.metric(Metric.TASK_SCORE)).as("not recorded").isNaN();
        assertThat(first.trained()).as("no train_seconds yet").isFalse();
        assertThat(first.winRate(Metric.WIN_RATE_VS_BASE)).hasValue(new WinRateView(0.6, 0.55, 0.65, 5, 2, 3));
        assertThat(first.winRate(Metric.WIN_RATE_VS_PREVIOUS)).isEmpty();
        assertThat(first.metrics()).as("keys that are not metrics pass through").containsEntry("note", "kept");
        assertThat(job.iterationAt(1)).isEmpty();
    }

    @Test
    void aJobThatHasNotBegunHasNoIterationsCheckpointsOrBaseTime() {
        JobView queued = decode("{\"id\":\"j-1\",\"state\":\"QUEUED\",\"iterations\":[]}");

        assertThat(queued.ended()).isFalse();
        assertThat(queued.checkpoints()).isEmpty();
        assertThat(queued.config()).isEmpty();
        assertThat(queued.baseSeconds()).isNaN();
    }

    @Test
    void malformedMetricsNameTheIterationAndMember() {
        String bad = "{\"id\":\"j-1\",\"state\":\"RUNNING\",\"iterations\":[{\"iteration\":0,"
                + "\"metrics\":{\"loss\":\"low\"}}]}";

        assertThatThrownBy(() -> decode(bad)).isInstanceOf(InvalidMessageException.class)
                .hasMessage("iteration 0 metrics: \"loss\" must be a number, got \"low\"");
        assertThatThrownBy(() -> decode("{\"id\":\"j-1\"}"))
                .hasMessage("the job view has no \"iterations\" array");
        assertThatThrownBy(() -> decode("{\"iterations\":[]}")).hasMessage("the job view has no \"id\"");
    }

    @Test
    void malformedWinRatesNameTheMetricAndTheirMember() {
        assertThatThrownBy(() -> iteration(Map.of("win_rate_vs_base", Map.of("rate", 0.5, "lower", 0.4))))
                .hasMessage("iteration 3 metrics: \"win_rate_vs_base\": missing \"upper\"");
        assertThatThrownBy(() -> iteration(Map.of("win_rate_vs_previous", 0.5)))
                .hasMessage("iteration 3 metrics: \"win_rate_vs_previous\" must be an object, got 0.5");
        Map<String, Object> fractionalWins = new LinkedHashMap<>(new WinRateView(0.5, 0.4, 0.6, 1, 0, 1).json());
        fractionalWins.put("wins", 1.5);
        assertThatThrownBy(() -> iteration(Map.of("proxy_win_rate_vs_base", fractionalWins)))
                .hasMessage("iteration 3 metrics: \"proxy_win_rate_vs_base\": \"wins\" must be an integer, got 1.5");
    }

    @Test
    void aWinRateIsNotReadAsANumberNorANumberAsAWinRate() {
        IterationView it = iteration(Map.of());

        assertThatThrownBy(() -> it.metric(Metric.WIN_RATE_VS_BASE)).hasMessage("win_rate_vs_base is a win rate, "
                + "not a number");
        assertThatThrownBy(() -> it.winRate(Metric.LOSS)).hasMessage("loss is a number, not a win rate");
    }

    @Test
    void theViewAndItsMetricsCannotBeChangedAfterwards() {
        Map<String, Object> metrics = new LinkedHashMap<>(Map.of("loss", 1.0));
        IterationView it = iteration(metrics);
        metrics.put("loss", 2.0);

        assertThat(it.metric(Metric.LOSS)).isEqualTo(1.0);
        assertThatThrownBy(() -> it.metrics().put("loss", 3.0)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> decode(FINISHED).iterations().add(it))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void winRatesAreWrittenInTheOrderOfTheirMembersWithNonFiniteBoundsAsNull() {
        assertThat(new WinRateView(0.5, Double.NaN, 0.75, 1, 2, 1).json()).containsExactly(entry("rate", 0.5),
                entry("lower", null), entry("upper", 0.75), entry("wins", 1), entry("ties", 2), entry("losses", 1));
    }

    @Test
    void endStatesAreTheOnesAJobNeverLeaves() {
        assertThat(JobView.END_STATES).containsExactlyInAnyOrder("SUCCEEDED", "FAILED", "CANCELLED");
        assertThat(new JobSummary("j", null, null, "batch", "PAUSED", 2, null, null, null, null).ended()).isFalse();
        assertThat(new JobSummary("j", null, null, "batch", "CANCELLED", 2, null, null, null, null).ended()).isTrue();
    }

    private static IterationView iteration(Map<String, Object> metrics) {
        return new IterationView(3, "TRAIN", 4, 4, Instant.EPOCH, null, metrics);
    }

    private static Map.Entry<String, Object> entry(String key, Object value) {
        return new AbstractMap.SimpleEntry<>(key, value);
    }
}
