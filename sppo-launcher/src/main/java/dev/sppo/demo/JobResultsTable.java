package dev.sppo.demo;

import dev.sppo.contracts.job.JobView;
import dev.sppo.contracts.job.Metric;
import dev.sppo.contracts.job.PolicyRow;
import dev.sppo.contracts.job.WinRateView;
import dev.sppo.evaluation.Degeneration;
import dev.sppo.evaluation.LengthControlledWinRate;
import dev.sppo.evaluation.WinRate;
import dev.sppo.loop.IterationResult;
import dev.sppo.loop.IterationResult.PhaseTimes;
import dev.sppo.loop.ResultsTable;
import dev.sppo.training.TrainingSummary;

/**
 * A job's final table in the format of {@code ./sppo train} ({@link ResultsTable}), one line per
 * {@link PolicyRow} of its job view. Row 0 is π_0 (its held-out scores; its time is the warm start); row t + 1
 * takes iteration t's metrics, its time the sum of the phases the trainer timed.
 */
final class JobResultsTable {

    private JobResultsTable() {}

    static String markdown(JobView job) {
        return ResultsTable.markdown(PolicyRow.of(job).stream().map(row -> result(job, row)).toList());
    }

    private static IterationResult result(JobView job, PolicyRow row) {
        return new IterationResult(row.policy(), row.isBase() ? null : training(row),
                row.metric(Metric.WINNER_WIN_RATE), row.metric(Metric.LOSER_WIN_RATE),
                winRate(row, Metric.WIN_RATE_VS_BASE), winRate(row, Metric.WIN_RATE_VS_PREVIOUS),
                winRate(row, Metric.PROXY_WIN_RATE_VS_BASE), lengthControlled(row), row.metric(Metric.TASK_SCORE),
                row.metric(Metric.EXACT_MATCH), row.metric(Metric.MEAN_RESPONSE_LENGTH),
                row.metric(Metric.MEAN_RESPONSE_TOKENS), degeneration(row), row.metric(Metric.KL),
                row.metric(Metric.KL_VS_BASE), null, job.checkpointUri(row.policy()).orElse("-"), times(job, row),
                null);
    }

    /** The job view keeps only the length-controlled rate, which is all the table prints of the fit. */
    private static LengthControlledWinRate lengthControlled(PolicyRow row) {
        double rate = row.metric(Metric.LENGTH_CONTROLLED_WIN_RATE_VS_BASE);
        return Double.isNaN(rate) ? null
                : new LengthControlledWinRate(rate, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0);
    }

    /** The row's text guards when a judge evaluated the job (π_0 has no distinct-1 in the view), else null. */
    private static Degeneration degeneration(PolicyRow row) {
        double distinct2 = row.metric(Metric.DISTINCT_2);
        return Double.isNaN(distinct2) ? null : new Degeneration(row.metric(Metric.PERPLEXITY_UNDER_BASE),
                row.metric(Metric.DISTINCT_1), distinct2);
    }

    private static TrainingSummary training(PolicyRow row) {
        return new TrainingSummary((int) row.metric(Metric.STEPS), row.metric(Metric.LOSS),
                row.metric(Metric.LOG_RATIO_CHOSEN), row.metric(Metric.LOG_RATIO_REJECTED),
                row.metric(Metric.REWARD_ACCURACY), row.metric(Metric.REFERENCE_LOG_RATIO),
                row.metric(Metric.GRAD_NORM), row.metric(Metric.TOKENS_PER_SECOND));
    }

    private static PhaseTimes times(JobView job, PolicyRow row) {
        if (row.isBase()) {
            return new PhaseTimes(0, 0, job.baseSeconds(), 0);
        }
        return new PhaseTimes(zeroIfMissing(row.metric(Metric.GENERATE_SECONDS)), 0,
                zeroIfMissing(row.metric(Metric.TRAIN_SECONDS)), zeroIfMissing(row.metric(Metric.EVALUATE_SECONDS)));
    }

    private static WinRate winRate(PolicyRow row, Metric metric) {
        return row.winRate(metric).map(JobResultsTable::winRate).orElse(null);
    }

    /** The engine's {@link WinRate} of the same numbers, which the table and the progress lines print. */
    static WinRate winRate(WinRateView w) {
        return new WinRate(w.rate(), w.lower(), w.upper(), w.wins(), w.ties(), w.losses());
    }

    private static double zeroIfMissing(double seconds) {
        return Double.isNaN(seconds) ? 0 : seconds;
    }
}
