package dev.sppo.report;

import dev.sppo.contracts.job.JobView;
import dev.sppo.contracts.job.Metric;
import dev.sppo.contracts.job.PolicyRow;
import dev.sppo.evaluation.WinRate;
import dev.sppo.report.ReportRow.PhaseSeconds;

import java.util.List;

/**
 * Maps a trainer-service job view ({@code GET /api/jobs/{id}}) to report rows, one per {@link PolicyRow}: row
 * t + 1 takes iteration t's loss, P̂ of winners and losers, KL and trained log-ratio, win rates, task score, exact
 * match, mean response length (characters) and seconds ({@code generate} is generation and preference scoring
 * together; the platform does not time them apart).
 * Row 0 (π_0) has only its held-out scores. A row that has measured neither a loss nor a task score yet is
 * left out.
 */
public final class JobViewRows {

    private JobViewRows() {}

    /**
     * The report source of a job view.
     *
     * @throws IllegalArgumentException saying that the job has no measured iteration yet
     */
    public static ReportSource of(JobView job) {
        List<ReportRow> rows = PolicyRow.of(job).stream().map(JobViewRows::row)
                .filter(row -> !Double.isNaN(row.loss()) || !Double.isNaN(row.taskScore())).toList();
        String title = title(job);
        if (rows.isEmpty()) {
            throw new IllegalArgumentException(title + " has no measured iteration yet");
        }
        return new ReportSource(title, rows);
    }

    private static ReportRow row(PolicyRow row) {
        return new ReportRow(row.policy(), row.metric(Metric.LOSS), row.metric(Metric.WINNER_WIN_RATE),
                row.metric(Metric.LOSER_WIN_RATE), row.metric(Metric.KL), row.metric(Metric.REFERENCE_LOG_RATIO),
                winRate(row, Metric.WIN_RATE_VS_BASE), winRate(row, Metric.WIN_RATE_VS_PREVIOUS),
                winRate(row, Metric.PROXY_WIN_RATE_VS_BASE), row.metric(Metric.LENGTH_CONTROLLED_WIN_RATE_VS_BASE),
                row.metric(Metric.TASK_SCORE),
                row.metric(Metric.EXACT_MATCH),
                new ReportRow.MeanLength(row.metric(Metric.MEAN_RESPONSE_TOKENS), row.metric(Metric.MEAN_RESPONSE_LENGTH)),
                new PhaseSeconds(row.metric(Metric.GENERATE_SECONDS), Double.NaN, row.metric(Metric.TRAIN_SECONDS),
                        row.metric(Metric.EVALUATE_SECONDS)));
    }

    private static WinRate winRate(PolicyRow row, Metric metric) {
        return row.winRate(metric).map(w -> new WinRate(w.rate(), w.lower(), w.upper(), w.wins(), w.ties(),
                w.losses())).orElse(null);
    }

    /** "job NAME (ID), STATE" plus the iteration and phase of a running job. */
    private static String title(JobView job) {
        StringBuilder title = new StringBuilder("job ");
        title.append(job.name() == null ? job.id() : job.name() + " (" + job.id() + ")");
        if (job.state() != null) {
            title.append(", ").append(job.state());
        }
        if ("RUNNING".equals(job.state()) && job.iteration() != null) {
            title.append(" at iteration ").append(job.iteration());
            if (job.phase() != null) {
                title.append(' ').append(job.phase());
            }
        }
        return title.toString();
    }
}
