package dev.sppo.demo;

import dev.sppo.contracts.MessageCodec;
import dev.sppo.contracts.job.JobView;

import java.nio.charset.StandardCharsets;

/**
 * Job views as {@code GET /api/jobs/{id}} returns them, for a job of 2 iterations of 4 prompts: queued, in the
 * middle of iteration 0's generate phase, and finished.
 */
final class JobViews {

    private static final String ITERATION_0_METRICS = """
            {"base_task_score": 0.5, "base_exact_match": 0.25, "generate_seconds": 10.0, "train_seconds": 20.0,
             "evaluate_seconds": 5.0, "steps": 12, "loss": 1.5, "winner_win_rate": 0.75, "loser_win_rate": 0.25,
             "reference_log_ratio": -0.05, "kl": 0.1, "task_score": 0.7, "exact_match": 0.4,
             "win_rate_vs_base": {"rate": 0.6, "lower": 0.55, "upper": 0.65, "wins": 5, "ties": 2, "losses": 3},
             "win_rate_vs_previous": {"rate": 0.6, "lower": 0.55, "upper": 0.65, "wins": 5, "ties": 2, "losses": 3}}
            """;
    private static final String ITERATION_1_METRICS = """
            {"generate_seconds": 8.0, "train_seconds": 18.0, "evaluate_seconds": 4.0, "steps": 12, "loss": 1.25,
             "winner_win_rate": 0.7, "loser_win_rate": 0.2, "kl": null, "task_score": 0.8, "exact_match": 0.5,
             "win_rate_vs_base": {"rate": 0.65, "lower": 0.6, "upper": 0.7, "wins": 6, "ties": 1, "losses": 3},
             "win_rate_vs_previous": {"rate": 0.55, "lower": 0.5, "upper": 0.6, "wins": 5, "ties": 1, "losses": 4}}
            """;

    private JobViews() {}

    static JobView queued() {
        return view("QUEUED", null, null, null, "");
    }

    static JobView generating(int received) {
        return view("RUNNING", 0, "GENERATE", null, iteration(0, "GENERATE", received, "{}"));
    }

    static JobView failedWhileGenerating() {
        return view("FAILED", 0, null, "generator gone", iteration(0, "GENERATE", 3, "{}"));
    }

    static JobView succeeded() {
        return view("SUCCEEDED", 1, null, null, iteration(0, "EVALUATE", 4, ITERATION_0_METRICS) + ","
                + iteration(1, "EVALUATE", 4, ITERATION_1_METRICS));
    }

    private static JobView view(String state, Integer iteration, String phase, String reason, String iterations) {
        String view = """
                {"id": "job-1", "name": "demo", "state": "%s", "iteration": %s, "phase": %s, "failureReason": %s,
                 "createdAt": "2026-11-24T10:00:00Z", "updatedAt": "2026-11-24T10:05:00Z",
                 "config": {"iterations": 2, "prompts_per_iteration": 4},
                 "iterations": [%s],
                 "checkpoints": [{"policyVersion": 0, "uri": "file:/store/v0"}, {"policyVersion": 1, "uri": "file:/store/v1"}]}
                """.formatted(state, iteration, quoted(phase), quoted(reason), iterations);
        return MessageCodec.decode(view.getBytes(StandardCharsets.UTF_8), JobView.class);
    }

    /** Iteration t, started 100 s after the job was submitted plus a minute per iteration. */
    private static String iteration(int t, String phase, int received, String metrics) {
        return """
                {"iteration": %d, "phase": "%s", "expectedPrompts": 4, "receivedPrompts": %d,
                 "startedAt": "2026-11-24T10:0%d:40Z", "finishedAt": null, "metrics": %s}
                """.formatted(t, phase, received, 1 + t, metrics);
    }

    private static String quoted(String text) {
        return text == null ? "null" : "\"" + text + "\"";
    }
}
