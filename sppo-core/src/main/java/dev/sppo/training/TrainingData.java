package dev.sppo.training;

import dev.sppo.model.Policy;
import dev.sppo.preference.Selection;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One iteration's training set, selected from its prompts' outcomes exactly as the in-process loop does
 * ({@link PromptOutcome#rows}): the winner and the loser of each informative prompt for pair losses, all K
 * responses for {@code sppo_all}.
 *
 * @param rows the training rows, in prompt order (pairs as chosen, rejected)
 * @param responsesPerPrompt prompt id → rows it contributed (0: all its responses were equally preferred)
 * @param winnerWinRate mean over prompts of P̂ of the winner, argmax s
 * @param loserWinRate mean over prompts of P̂ of the loser, argmin s
 */
public record TrainingData(List<ScoredResponse> rows, Map<String, Integer> responsesPerPrompt, double winnerWinRate,
        double loserWinRate) {

    public static TrainingData select(List<PromptOutcome> outcomes, Selection selection) {
        List<ScoredResponse> rows = new ArrayList<>();
        Map<String, Integer> perPrompt = new LinkedHashMap<>();
        for (PromptOutcome outcome : outcomes) {
            List<ScoredResponse> own = outcome.rows(selection);
            rows.addAll(own);
            perPrompt.put(outcome.prompt().id(), own.size());
        }
        return new TrainingData(rows, perPrompt, PromptOutcome.meanWinRate(outcomes, true),
                PromptOutcome.meanWinRate(outcomes, false));
    }

    public long promptsWithRows() {
        return responsesPerPrompt.values().stream().filter(n -> n > 0).count();
    }

    /**
     * The rows with log π_t(y|x) recomputed by a teacher-forced pass of π_t ({@code reference: recompute}),
     * instead of the log-probs the generators recorded while sampling.
     */
    public List<ScoredResponse> withReferenceFrom(Policy reference) {
        return Reference.recompute(reference, rows);
    }
}
