package dev.sppo.source;

import dev.sppo.preference.Judge;
import dev.sppo.prompts.PromptSampler;

import java.util.List;
import java.util.Optional;

/** The opened {@link DatasetSource}: each iteration's batch drawn by the sampler and rendered when asked for. */
final class DatasetPrompts implements PromptSource {

    private final PromptSampler sampler;
    private final List<RunPrompt> heldOut;
    private final PromptRenderer renderer;
    private final PromptCounts counts;

    DatasetPrompts(PromptSampler sampler, List<RunPrompt> heldOut, PromptRenderer renderer, PromptCounts counts) {
        this.sampler = sampler;
        this.heldOut = List.copyOf(heldOut);
        this.renderer = renderer;
        this.counts = counts;
    }

    @Override
    public List<RunPrompt> batch(int iteration) {
        return sampler.batch(iteration).stream().map(renderer::render).toList();
    }

    @Override
    public List<RunPrompt> heldOut() {
        return heldOut;
    }

    @Override
    public Optional<Judge> goldJudge() {
        return Optional.empty();
    }

    @Override
    public PromptCounts counts() {
        return counts;
    }
}
