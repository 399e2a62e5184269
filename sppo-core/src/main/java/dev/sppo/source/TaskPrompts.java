package dev.sppo.source;

import dev.sppo.preference.Judge;

import java.util.List;
import java.util.Optional;

/** The opened {@link TaskSource}: consecutive slices of the generated training prompts. */
final class TaskPrompts implements PromptSource {

    private final List<RunPrompt> train;
    private final List<RunPrompt> heldOut;
    private final int perIteration;
    private final Judge gold;

    TaskPrompts(List<RunPrompt> train, List<RunPrompt> heldOut, int perIteration, Judge gold) {
        this.train = List.copyOf(train);
        this.heldOut = List.copyOf(heldOut);
        this.perIteration = perIteration;
        this.gold = gold;
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
        return Optional.of(gold);
    }

    @Override
    public PromptCounts counts() {
        return PromptCounts.generated(train.size(), heldOut.size());
    }
}
