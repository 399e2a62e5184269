package dev.sppo.loop;

import dev.sppo.training.PolicyUpdate;

import java.nio.file.Path;

/** What an iteration produced before evaluation: the policy update (its data and summary) and its checkpoint. */
record Iteration(int index, PolicyUpdate.Result update, Path checkpoint, double generateSeconds,
        double preferSeconds, double trainSeconds) {

    IterationResult result(HeldOutScores scores, Kl kl, double evaluateSeconds) {
        return new IterationResult(index, update.summary(), update.data().winnerWinRate(),
                update.data().loserWinRate(), scores.vsBase(), scores.vsPrevious(), scores.proxyVsBase(),
                scores.lengthControlledVsBase(), scores.taskScore(), scores.exactMatch(), scores.meanResponseLength(),
                scores.meanResponseTokens(), scores.degeneration(), kl.vsPrevious(), kl.vsBase(), null,
                checkpoint.toString(),
                new IterationResult.PhaseTimes(generateSeconds, preferSeconds, trainSeconds, evaluateSeconds),
                scores.game());
    }
}
