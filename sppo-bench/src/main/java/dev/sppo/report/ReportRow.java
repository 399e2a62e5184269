package dev.sppo.report;

import dev.sppo.evaluation.WinRate;

/**
 * What a report shows of one policy π_t, whether it came from a {@code ./sppo train} run directory or from a
 * trainer-service job. Numbers that were not measured (π_0 has no training, a running job has not evaluated
 * yet) are NaN; win rates that were not measured are null.
 *
 * @param iteration t: the row describes π_t (0 is the base policy)
 * @param loss mean training loss of the update π_{t-1} → π_t
 * @param winnerWinRate mean P̂ of the selected winners in that update's data
 * @param loserWinRate mean P̂ of the selected losers
 * @param kl mean log π_{t-1}(y|x) - log π_t(y|x) over the trained responses (the KL estimate)
 * @param vsBase π_t against π_0 on held-out prompts, with its 95% interval
 * @param vsPrevious π_t against π_{t-1}
 * @param proxyVsBase π_t against π_0 as the proxy preference model SPPO trained against judges it; null when
 *     SPPO trained against the gold judge itself
 * @param taskScore mean gold score of π_t's held-out responses
 * @param exactMatch fraction of π_t's held-out responses that are exactly right
 * @param seconds wall-clock seconds per phase
 */
public record ReportRow(
        int iteration,
        double loss,
        double winnerWinRate,
        double loserWinRate,
        double kl,
        WinRate vsBase,
        WinRate vsPrevious,
        WinRate proxyVsBase,
        double taskScore,
        double exactMatch,
        PhaseSeconds seconds) {

    public ReportRow {
        if (iteration < 0) {
            throw new IllegalArgumentException("iteration must be >= 0, got " + iteration);
        }
        if (seconds == null) {
            throw new IllegalArgumentException("seconds must not be null (use PhaseSeconds.UNMEASURED)");
        }
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
