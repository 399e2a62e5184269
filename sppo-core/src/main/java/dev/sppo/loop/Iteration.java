package dev.sppo.loop;

import dev.sppo.evaluation.PolicyResponses;
import dev.sppo.evaluation.WinRate;
import dev.sppo.training.PolicyUpdate;

import java.nio.file.Path;

/** What an iteration produced before evaluation: the policy update (its data and summary) and its checkpoint. */
record Iteration(int index, PolicyUpdate.Result update, Path checkpoint, double generateSeconds,
        double preferSeconds, double trainSeconds) {

    IterationResult result(PolicyResponses current, PolicyResponses base, PolicyResponses previous,
            WinRate proxyVsBase, double evaluateSeconds) {
        return new IterationResult(index, update.summary(), update.data().winnerWinRate(),
                update.data().loserWinRate(), current.against(base),
                current.against(previous), proxyVsBase, current.meanScore(), current.exactMatch(), current.meanLength(),
                checkpoint.toString(),
                new IterationResult.PhaseTimes(generateSeconds, preferSeconds, trainSeconds, evaluateSeconds));
    }
}
