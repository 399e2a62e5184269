package dev.sppo.contracts.job;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Row t of a job's results: what the job measured of policy π_t. The trainer records the update
 * π_t → π_{t+1} and the evaluation of π_{t+1} under iteration t, so row t + 1 takes iteration t's metrics; row 0
 * is π_0, whose held-out scores iteration 0 records as {@link Metric#BASE_TASK_SCORE},
 * {@link Metric#BASE_EXACT_MATCH}, {@link Metric#BASE_PERPLEXITY}, {@link Metric#BASE_DISTINCT_2} and {@link Metric#BASE_MEAN_RESPONSE_TOKENS}.
 *
 * @param policy t: the row describes π_t
 * @param measured the iteration whose metrics describe π_t: iteration t - 1, or iteration 0 for π_0
 */
public record PolicyRow(int policy, IterationView measured) {

    /**
     * The rows of {@code job} in order of t: π_0 once iteration 0 has begun, and π_{t+1} once iteration t has
     * trained. An iteration that stopped before training has no row.
     */
    public static List<PolicyRow> of(JobView job) {
        List<IterationView> iterations = job.iterations().stream()
                .sorted(Comparator.comparingInt(IterationView::iteration)).toList();
        List<PolicyRow> rows = new ArrayList<>();
        job.iterationAt(0).ifPresent(first -> rows.add(new PolicyRow(0, first)));
        for (IterationView iteration : iterations) {
            if (iteration.trained()) {
                rows.add(new PolicyRow(iteration.iteration() + 1, iteration));
            }
        }
        return rows;
    }

    public boolean isBase() {
        return policy == 0;
    }

    /**
     * What the row measured under {@code metric}: for π_t (t ≥ 1) the metric of iteration t - 1; for π_0 only
     * its held-out {@link Metric#TASK_SCORE}, {@link Metric#EXACT_MATCH}, {@link Metric#PERPLEXITY_UNDER_BASE},
     * {@link Metric#DISTINCT_2} and {@link Metric#MEAN_RESPONSE_TOKENS}, everything else NaN.
     */
    public double metric(Metric metric) {
        if (!isBase()) {
            return measured.metric(metric);
        }
        return switch (metric) {
            case TASK_SCORE -> measured.metric(Metric.BASE_TASK_SCORE);
            case EXACT_MATCH -> measured.metric(Metric.BASE_EXACT_MATCH);
            case PERPLEXITY_UNDER_BASE -> measured.metric(Metric.BASE_PERPLEXITY);
            case DISTINCT_2 -> measured.metric(Metric.BASE_DISTINCT_2);
            case MEAN_RESPONSE_TOKENS -> measured.metric(Metric.BASE_MEAN_RESPONSE_TOKENS);
            default -> Double.NaN;
        };
    }

    /** A win rate of π_t (t ≥ 1), if recorded; π_0 has none. */
    public Optional<WinRateView> winRate(Metric metric) {
        return isBase() ? Optional.empty() : measured.winRate(metric);
    }
}
