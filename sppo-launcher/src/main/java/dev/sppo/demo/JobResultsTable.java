package dev.sppo.demo;

import dev.sppo.loop.IterationResult;
import dev.sppo.loop.IterationResult.PhaseTimes;
import dev.sppo.loop.ResultsTable;
import dev.sppo.training.TrainingSummary;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A job's final table in the format of {@code ./sppo train} ({@link ResultsTable}), built from its job view.
 * Row 0 is π_0 (its held-out scores; its time is the warm start). The trainer records the update
 * π_t → π_{t+1} under iteration t, so row t + 1 takes iteration t's metrics; an iteration that stopped before
 * training has no row.
 */
final class JobResultsTable {

    private JobResultsTable() {}

    static String markdown(JobSnapshot job) {
        List<IterationResult> rows = new ArrayList<>();
        Optional<JobSnapshot.Iteration> first = job.iteration(0);
        first.ifPresent(it -> rows.add(base(job, it)));
        for (int t = 0; job.iteration(t).isPresent(); t++) {
            JobSnapshot.Iteration it = job.iteration(t).get();
            if (!Double.isNaN(it.metric("train_seconds"))) {
                rows.add(update(job, t, it));
            }
        }
        return ResultsTable.markdown(rows);
    }

    private static IterationResult base(JobSnapshot job, JobSnapshot.Iteration first) {
        return new IterationResult(0, null, Double.NaN, Double.NaN, null, null, null, first.metric("base_task_score"),
                first.metric("base_exact_match"), Double.NaN, job.checkpointUri(0).orElse("-"),
                new PhaseTimes(0, 0, job.baseSeconds(), 0));
    }

    private static IterationResult update(JobSnapshot job, int t, JobSnapshot.Iteration it) {
        TrainingSummary training = new TrainingSummary((int) it.metric("steps"), it.metric("loss"),
                it.metric("log_ratio_chosen"), it.metric("log_ratio_rejected"), it.metric("reward_accuracy"),
                it.metric("kl"), it.metric("grad_norm"), it.metric("tokens_per_second"));
        PhaseTimes times = new PhaseTimes(zeroIfMissing(it.metric("generate_seconds")), 0,
                zeroIfMissing(it.metric("train_seconds")), zeroIfMissing(it.metric("evaluate_seconds")));
        return new IterationResult(t + 1, training, it.metric("winner_win_rate"), it.metric("loser_win_rate"),
                it.winRate("win_rate_vs_base").orElse(null), it.winRate("win_rate_vs_previous").orElse(null),
                it.winRate("proxy_win_rate_vs_base").orElse(null),
                it.metric("task_score"), it.metric("exact_match"), it.metric("mean_response_length"),
                job.checkpointUri(t + 1).orElse("-"), times);
    }

    private static double zeroIfMissing(double seconds) {
        return Double.isNaN(seconds) ? 0 : seconds;
    }
}
