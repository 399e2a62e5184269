package dev.sppo.report;

import dev.sppo.evaluation.WinRate;

/**
 * What a report shows of one policy π_t, whether it came from a {@code ./sppo train} run directory or from a
 * trainer-service job. Numbers that were not measured (π_0 has no training, a running job has not evaluated
 * yet, a run without gold answers has no task score) are NaN; win rates that were not measured are null.
 *
 * @param iteration t: the row describes π_t (0 is the base policy)
 * @param loss mean training loss of the update π_{t-1} → π_t
 * @param winnerWinRate mean P̂ of the selected winners in that update's data
 * @param loserWinRate mean P̂ of the selected losers
 * @param kl KL(π_t ‖ π_{t-1}) in nats, sampled from π_t on the held-out prompts
 * @param referenceLogRatio mean log π_{t-1}(y|x) - log π_t(y|x) over the trained responses (not a KL)
 * @param vsBase π_t against π_0 on held-out prompts, with its 95% interval
 * @param vsPrevious π_t against π_{t-1}
 * @param proxyVsBase π_t against π_0 as the proxy preference model SPPO trained against judges it; null when
 *     SPPO trained against the evaluation judge itself
 * @param lengthControlled π_t's length-controlled win rate against π_0, when a preference model evaluated
 * @param taskScore mean gold score of π_t's held-out responses
 * @param exactMatch fraction of π_t's held-out responses that are exactly right
 * @param length mean length of π_t's held-out responses
 * @param seconds wall-clock seconds per phase
 */
public record ReportRow(
        int iteration,
        double loss,
        double winnerWinRate,
        double loserWinRate,
        double kl,
        double referenceLogRatio,
        WinRate vsBase,
        WinRate vsPrevious,
        WinRate proxyVsBase,
        double lengthControlled,
        double taskScore,
        double exactMatch,
        MeanLength length,
        PhaseSeconds seconds) {

    public ReportRow {
        if (iteration < 0) {
            throw new IllegalArgumentException("iteration must be >= 0, got " + iteration);
        }
        if (length == null) {
            throw new IllegalArgumentException("length must not be null (use MeanLength.UNMEASURED)");
        }
        if (seconds == null) {
            throw new IllegalArgumentException("seconds must not be null (use PhaseSeconds.UNMEASURED)");
        }
    }

    /**
     * The mean length of held-out responses; NaN in a unit that was not measured (the platform and a task's gold
     * evaluation count characters only).
     */
    public record MeanLength(double tokens, double characters) {

        public static final MeanLength UNMEASURED = new MeanLength(Double.NaN, Double.NaN);
    }

    /**
     * Seconds spent per phase; NaN where a phase was not timed on its own (the platform times generation and
     * preference scoring together, as {@code generate}).
     */
    public record PhaseSeconds(double generate, double prefer, double train, double evaluate) {

        public static final PhaseSeconds UNMEASURED = new PhaseSeconds(Double.NaN, Double.NaN, Double.NaN,
                Double.NaN);
    }
}
