package dev.sppo.loop;

import dev.sppo.evaluation.PolicyResponses;
import dev.sppo.evaluation.WinRate;
import dev.sppo.training.PromptOutcome;
import dev.sppo.training.TrainingSummary;

import java.nio.file.Path;
import java.util.List;

/** What an iteration produced before evaluation: the update's summary, its data and its checkpoint. */
record Iteration(int index, TrainingSummary training, List<PromptOutcome> outcomes, Path checkpoint,
        double generateSeconds, double preferSeconds, double trainSeconds) {

    IterationResult result(PolicyResponses current, PolicyResponses base, PolicyResponses previous,
            WinRate proxyVsBase, double evaluateSeconds) {
        return new IterationResult(index, training, PromptOutcome.meanWinRate(outcomes, true),
                PromptOutcome.meanWinRate(outcomes, false), current.against(base),
                current.against(previous), proxyVsBase, current.meanScore(), current.exactMatch(), current.meanLength(),
                checkpoint.toString(),
                new IterationResult.PhaseTimes(generateSeconds, preferSeconds, trainSeconds, evaluateSeconds));
    }
}
