package dev.sppo.source;

import dev.sppo.preference.Judge;
import dev.sppo.prompts.PlainPrompt;
import dev.sppo.prompts.PromptRecord;
import dev.sppo.task.Task;
import dev.sppo.tokenizer.TextTokenizer;

import java.util.List;
import java.util.Optional;

/** The opened {@link TaskSource}: consecutive slices of the generated training prompts. */
final class TaskPrompts implements PromptSource {

    private final List<RunPrompt> train;
    private final List<RunPrompt> heldOut;
    private final int perIteration;
    private final Task task;
    private final TextTokenizer tokenizer;

    /** @param tokenizer the policy's tokenizer; it must stay open while this accepts prompts */
    TaskPrompts(List<RunPrompt> train, List<RunPrompt> heldOut, int perIteration, Task task,
            TextTokenizer tokenizer) {
        this.train = List.copyOf(train);
        this.heldOut = List.copyOf(heldOut);
        this.perIteration = perIteration;
        this.task = task;
        this.tokenizer = tokenizer;
    }

    @Override
    public List<RunPrompt> batch(int iteration) {
        return train.subList(iteration * perIteration, (iteration + 1) * perIteration);
    }

    @Override
    public List<RunPrompt> heldOut() {
        return heldOut;
    }

    @Override
    public Optional<Judge> goldJudge() {
        return Optional.of(task.judge());
    }

    @Override
    public PromptCounts counts() {
        return PromptCounts.generated(train.size(), heldOut.size());
    }

    /** @throws IllegalArgumentException when the prompt is a conversation or not a prompt of the task */
    @Override
    public RunPrompt accept(PromptRecord prompt) {
        if (!(prompt.content() instanceof PlainPrompt plain)) {
            throw new IllegalArgumentException("a chat prompt; task " + task.name() + " takes plain prompts only");
        }
        try {
            task.parse(plain.text());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a prompt of task " + task.name() + ": " + e.getMessage(), e);
        }
        return TaskSource.prompt(prompt.id(), plain.text(), tokenizer);
    }
}
