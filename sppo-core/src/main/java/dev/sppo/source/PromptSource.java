package dev.sppo.source;

import dev.sppo.preference.Judge;

import java.util.List;
import java.util.Optional;

/**
 * Where a run's prompts come from, opened against the policy's tokenizer: a built-in task ({@link TaskSource}) or a
 * prompt dataset ({@link DatasetSource}). Both give each iteration its training prompts and every iteration the same
 * held-out prompts; only a task has gold answers.
 */
public interface PromptSource {

    /**
     * @param iteration t, from 0
     * @return iteration t's training prompts, {@code prompts_per_iteration} of them
     */
    List<RunPrompt> batch(int iteration);

    /** @return the held-out prompts evaluation compares policies on, the same for every iteration */
    List<RunPrompt> heldOut();

    /** @return the judge that grades a response against the gold answer of a held-out prompt's text; empty without */
    Optional<Judge> goldJudge();

    /** @return how many prompts the source holds and what became of the rest */
    PromptCounts counts();
}
