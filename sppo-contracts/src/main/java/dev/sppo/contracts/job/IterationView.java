package dev.sppo.contracts.job;

import dev.sppo.contracts.InvalidMessageException;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * One iteration of a job as the API shows it: progress of its generate phase, timings and metrics.
 *
 * @param iteration t: generation from π_t, training of π_{t+1}, evaluation of π_{t+1}
 * @param phase GENERATE, TRAIN or EVALUATE (the last one once finished)
 * @param expectedPrompts prompts in the iteration's slice
 * @param receivedPrompts distinct prompts scored and stored so far
 * @param startedAt when its generation requests went out
 * @param finishedAt when its evaluation was stored, or null
 * @param metrics what it measured so far, keyed by {@link Metric#key()}; other keys pass through
 */
public record IterationView(
        int iteration, String phase, int expectedPrompts, int receivedPrompts, Instant startedAt, Instant finishedAt,
        Map<String, Object> metrics) {

    /**
     * @throws InvalidMessageException naming the iteration and the metric when a metric holds the wrong kind
     *     of value
     */
    public IterationView {
        try {
            metrics = MetricsJson.checked(metrics);
        } catch (IllegalArgumentException e) {
            throw new InvalidMessageException("iteration " + iteration + " metrics: " + e.getMessage(), e);
        }
    }

    /** A numeric metric; NaN when it is not (yet) recorded or was not a finite number. */
    public double metric(Metric metric) {
        return MetricsJson.number(metrics, metric);
    }

    /** A win-rate metric, if recorded. */
    public Optional<WinRateView> winRate(Metric metric) {
        return MetricsJson.winRate(metrics, metric);
    }

    /** Whether the update π_t → π_{t+1} has been trained (its {@link Metric#TRAIN_SECONDS} is recorded). */
    public boolean trained() {
        return !Double.isNaN(metric(Metric.TRAIN_SECONDS));
    }
}
