package dev.sppo.prompts;

import java.util.List;

/**
 * Prompts after {@link PromptLengthLimit#apply}, with the counts a run reports.
 *
 * @param prompts the kept prompts, in order, truncated ones with their cut content
 * @param truncated how many were cut to fit
 * @param skipped how many were left out as too long
 */
public record LimitedPrompts(List<PromptRecord> prompts, int truncated, int skipped) {

    public LimitedPrompts {
        prompts = List.copyOf(prompts);
    }
}
