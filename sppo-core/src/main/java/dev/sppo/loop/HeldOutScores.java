package dev.sppo.loop;

import dev.sppo.evaluation.Degeneration;
import dev.sppo.evaluation.LengthControlledWinRate;
import dev.sppo.evaluation.WinRate;
import dev.sppo.game.GameScores;

/**
 * What the held-out evaluation measured of one policy π_t; see {@link IterationResult} for each field. π_0 has no
 * win rates.
 */
record HeldOutScores(
        WinRate vsBase,
        WinRate vsPrevious,
        WinRate proxyVsBase,
        LengthControlledWinRate lengthControlledVsBase,
        double taskScore,
        double exactMatch,
        double meanResponseLength,
        double meanResponseTokens,
        Degeneration degeneration,
        GameScores game) {

    /** π_0's own scores. */
    static HeldOutScores base(double taskScore, double exactMatch, double meanResponseLength,
            double meanResponseTokens, Degeneration degeneration, GameScores game) {
        return new HeldOutScores(null, null, null, null, taskScore, exactMatch, meanResponseLength,
                meanResponseTokens, degeneration, game);
    }
}
