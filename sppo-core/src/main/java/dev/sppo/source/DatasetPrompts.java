package dev.sppo.source;

import dev.sppo.chat.ChatTemplateException;
import dev.sppo.preference.Judge;
import dev.sppo.prompts.LimitedPrompts;
import dev.sppo.prompts.PromptLengthLimit;
import dev.sppo.prompts.PromptRecord;
import dev.sppo.prompts.PromptSampler;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The opened {@link DatasetSource}: each iteration's batch drawn by the sampler and rendered when asked for. */
final class DatasetPrompts implements PromptSource {

    private final PromptSampler sampler;
    private final List<RunPrompt> heldOut;
    private final PromptRenderer renderer;
    private final PromptCounts counts;
    private final PromptLengthLimit limit;

    DatasetPrompts(PromptSampler sampler, List<RunPrompt> heldOut, PromptRenderer renderer, PromptCounts counts,
            PromptLengthLimit limit) {
        this.sampler = sampler;
        this.heldOut = List.copyOf(heldOut);
        this.renderer = renderer;
        this.counts = counts;
        this.limit = limit;
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

    /**
     * @throws IllegalArgumentException when the prompt is a conversation and the model has no chat template, the
     *     template refuses it, or it is longer than {@code max_prompt_tokens} and cannot be cut to fit
     */
    @Override
    public RunPrompt accept(PromptRecord prompt) {
        renderer.requireTemplateFor(List.of(prompt));
        try {
            LimitedPrompts limited = limit.apply(List.of(prompt), renderer::tokenCount);
            if (limited.prompts().isEmpty()) {
                throw new IllegalArgumentException("longer than max_prompt_tokens = " + limit.maxPromptTokens()
                        + " (truncate: " + limit.truncate().name().toLowerCase(Locale.ROOT) + ")");
            }
            return renderer.render(limited.prompts().get(0));
        } catch (ChatTemplateException e) {
            throw new IllegalArgumentException("the chat template refuses it: " + e.getMessage(), e);
        }
    }
}
