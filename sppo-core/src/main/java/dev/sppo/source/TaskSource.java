package dev.sppo.source;

import dev.sppo.task.Prompt;
import dev.sppo.task.Split;
import dev.sppo.task.Task;
import dev.sppo.task.TaskSpec;
import dev.sppo.tokenizer.TextTokenizer;

import java.util.List;
import java.util.Objects;

/**
 * A built-in task's generated prompts ({@code task:}): iteration t trains on the slice [t·n, (t+1)·n) of the task's
 * first T·n training prompts (n = {@code prompts_per_iteration}), evaluation uses its first {@code
 * evaluation.prompts} held-out prompts, and its gold judge grades them. Judges and the policy read the same text,
 * encoded with {@link TextTokenizer#encodePrompt}.
 *
 * @param spec the task and its settings
 */
public record TaskSource(TaskSpec spec) implements SourceSpec {

    public TaskSource {
        Objects.requireNonNull(spec, "spec");
    }

    /** @throws IllegalArgumentException when the task's settings hold fewer prompts than the budget asks */
    @Override
    public PromptSource open(TextTokenizer tokenizer, PromptBudget budget) {
        Task task = spec.task();
        List<RunPrompt> heldOut = prompts(task.prompts(Split.HELD_OUT, budget.heldOut()), tokenizer);
        List<RunPrompt> train = prompts(task.prompts(Split.TRAIN, budget.perIteration() * budget.iterations()),
                tokenizer);
        return new TaskPrompts(train, heldOut, budget.perIteration(), task, tokenizer);
    }

    private static List<RunPrompt> prompts(List<Prompt> prompts, TextTokenizer tokenizer) {
        return prompts.stream().map(p -> prompt(p.id(), p.text(), tokenizer)).toList();
    }

    /** A task prompt as judges and the policy read it: the same text, encoded with its BOS if the tokenizer adds one. */
    static RunPrompt prompt(String id, String text, TextTokenizer tokenizer) {
        return new RunPrompt(id, text, text, tokenizer.encodePrompt(text));
    }
}
