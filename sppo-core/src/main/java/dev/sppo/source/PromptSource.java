package dev.sppo.source;

import dev.sppo.preference.Judge;
import dev.sppo.prompts.PromptRecord;

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

    /**
     * A prompt from outside the source (a continuous job's stream), rendered as the source renders its own: a
     * task takes only plain prompts of the task; a dataset takes any prompt its model can be given (a chat prompt
     * needs a chat template) and holds it to {@code max_prompt_tokens} as it holds its own.
     *
     * @throws IllegalArgumentException saying why the source cannot take it
     */
    RunPrompt accept(PromptRecord prompt);
}
